/** GraphiQL's title and starter tabs: the questions hrgraph is built to answer cheaply. */
import type { GraphiQLOptions } from 'graphql-yoga';

function tabs(account: string | undefined) {
  const scope = account ? `account: ${JSON.stringify(account)}, ` : '';
  const directory = /* GraphQL */ `# A directory page: who works here, in which department, for whom.
# The page carries its own fields; the managers come in one batched call. See
# extensions.upstream (the x-hrgraph-upstream header) for the provider calls made.
query Directory($after: String) {
  accounts { id provider authKind }
  employees(${scope}first: 25, after: $after, filter: { status: ACTIVE }) {
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
query PayAndJobHistory {
  employees(${scope}first: 1) {
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
query TimeOffThisMonth {
  employees(${scope}first: 50, filter: { status: ACTIVE }) {
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
  return [directory, everyApp, payAndJobs, timeOff].map((query) => ({ query, headers }));
}

/** `account` is used in the examples when several accounts are connected. */
export function graphiqlOptions(account: string | undefined): GraphiQLOptions {
  const defaultTabs = tabs(account);
  return {
    title: 'hrgraph',
    defaultTabs,
    defaultQuery: defaultTabs[0]?.query,
    headers: defaultTabs[0]?.headers,
  };
}
