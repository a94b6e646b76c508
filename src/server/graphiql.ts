/**
 * GraphiQL's title and starter tabs: the questions hrgraph is built to answer cheaply.
 *
 * The page is public, so it names no account: which tenants exist is for tokens to tell. The
 * tabs that read one account take it as `$account`, left null (enough when the token reads one
 * account; otherwise the error lists the caller's accounts), or set to `exampleAccount` where the
 * accounts are no secret (demo mode, whose banner prints them).
 */
import type { GraphiQLOptions } from 'graphql-yoga';

function tabs(account: string | undefined) {
  const directory = /* GraphQL */ `# A directory page: who works here, in which department, for whom.
# The page carries its own fields; the managers come in one batched call. See
# extensions.upstream (the x-hrgraph-upstream header) for the provider calls made.
query Directory($account: ID, $after: String) {
  accounts { id provider authKind }
  employees(account: $account, first: 25, after: $after, filter: { status: ACTIVE }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      displayName
      jobTitle
      workEmail
      department { name }
      location { name }
      manager { displayName jobTitle }
    }
  }
}
`;
  const payAndJobs = /* GraphQL */ `# One employee's pay and job history.
query PayAndJobHistory($account: ID) {
  employees(account: $account, first: 1) {
    nodes {
      displayName
      jobTitle
      compensations {
        effectiveDate
        pay { amount currency }
        payPeriod
        payType
        flsaStatus
        reason
      }
      employments {
        effectiveDate
        jobTitle
        department { name }
        location { name }
      }
    }
  }
}
`;
  const timeOff = /* GraphQL */ `# Who is off this month (timeOff defaults to the current month).
query TimeOffThisMonth($account: ID) {
  employees(account: $account, first: 50, filter: { status: ACTIVE }) {
    nodes {
      displayName
      timeOff { startDate endDate amount unit status type { name } }
    }
  }
}
`;
  const everyApp = /* GraphQL */ `# Every connected app's people: HR systems and identity directories side by side.
# Each account says which fields its provider can fill; the others are null, at no cost.
query PeopleInEveryApp {
  accounts {
    id
    provider
    status
    capabilities { employeeFields }
    employees(first: 10) {
      nodes { workEmail displayName jobTitle employmentStatus employmentStatusRaw hireDate }
    }
  }
}
`;
  const headers = JSON.stringify({ 'x-hrgraph-upstream': '1' }, null, 2);
  const variables = JSON.stringify({ account: account ?? null }, null, 2);
  return [
    { query: directory, headers, variables },
    { query: everyApp, headers },
    { query: payAndJobs, headers, variables },
    { query: timeOff, headers, variables },
  ];
}

/** `exampleAccount` fills the tabs' `$account`; leave it out wherever the page is public. */
export function graphiqlOptions(exampleAccount?: string): GraphiQLOptions {
  const defaultTabs = tabs(exampleAccount);
  return {
    title: 'hrgraph',
    defaultTabs,
    defaultQuery: defaultTabs[0]?.query,
    headers: defaultTabs[0]?.headers,
  };
}
