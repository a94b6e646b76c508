/**
 * The pools a company's organisation is drawn from. Fixed data, never mutated: a seed picks a
 * subset, so companies differ while every name stays plausible.
 */

export interface DepartmentTemplate {
  readonly name: string;
  /** The individual-contributor role the title ladder is built on. */
  readonly role: string;
  /** Relative headcount. */
  readonly weight: number;
  /** Pay relative to the company median. */
  readonly payFactor: number;
}

export interface DivisionTemplate {
  readonly name: string;
  readonly departments: readonly DepartmentTemplate[];
}

export interface LocationTemplate {
  readonly name: string;
  readonly line1: string;
  readonly city: string;
  readonly state: string | null;
  readonly zip: string;
  readonly country: string;
  readonly timezone: string;
  readonly currency: string;
  readonly remote: boolean;
  /** Relative headcount. */
  readonly weight: number;
}

function dept(name: string, role: string, weight: number, payFactor: number): DepartmentTemplate {
  return { name, role, weight, payFactor };
}

/** The CEO's own department; always present, always first. */
export const EXECUTIVE: DepartmentTemplate = dept('Executive', 'Executive Assistant', 0.3, 1.1);

/** The first division always exists and holds the Executive department. */
export const DIVISIONS: readonly DivisionTemplate[] = [
  {
    name: 'Corporate',
    departments: [
      dept('Finance', 'Financial Analyst', 3, 1.05),
      dept('Legal', 'Counsel', 1, 1.3),
      dept('People', 'People Partner', 2, 0.95),
    ],
  },
  {
    name: 'Engineering',
    departments: [
      dept('Platform Engineering', 'Software Engineer', 10, 1.25),
      dept('Product Engineering', 'Software Engineer', 12, 1.25),
      dept('Quality Assurance', 'QA Engineer', 3, 1.05),
      dept('Site Reliability', 'Site Reliability Engineer', 3, 1.25),
    ],
  },
  {
    name: 'Product',
    departments: [
      dept('Product Management', 'Product Manager', 3, 1.2),
      dept('Design', 'Product Designer', 3, 1.1),
      dept('Data Science', 'Data Scientist', 3, 1.2),
    ],
  },
  {
    name: 'Sales',
    departments: [
      dept('Account Executives', 'Account Executive', 9, 1.0),
      dept('Sales Development', 'Sales Development Representative', 6, 0.75),
      dept('Sales Operations', 'Sales Operations Analyst', 2, 0.95),
      dept('Partnerships', 'Partner Manager', 2, 1.0),
    ],
  },
  {
    name: 'Marketing',
    departments: [
      dept('Brand', 'Brand Marketer', 2, 0.95),
      dept('Growth Marketing', 'Growth Marketer', 3, 1.0),
      dept('Communications', 'Communications Specialist', 1, 0.95),
    ],
  },
  {
    name: 'Customer Experience',
    departments: [
      dept('Customer Support', 'Support Specialist', 9, 0.7),
      dept('Customer Success', 'Customer Success Manager', 5, 0.9),
      dept('Professional Services', 'Implementation Consultant', 3, 1.0),
    ],
  },
  {
    name: 'Operations',
    departments: [
      dept('IT', 'IT Specialist', 2, 0.9),
      dept('Facilities', 'Facilities Coordinator', 1, 0.7),
      dept('Procurement', 'Procurement Specialist', 1, 0.9),
    ],
  },
  {
    name: 'Research',
    departments: [
      dept('Applied Research', 'Research Scientist', 3, 1.3),
      dept('Security', 'Security Engineer', 2, 1.25),
      dept('Analytics', 'Data Analyst', 2, 1.0),
    ],
  },
];

function loc(
  name: string,
  line1: string,
  city: string,
  state: string | null,
  zip: string,
  country: string,
  timezone: string,
  currency: string,
  weight: number,
): LocationTemplate {
  return { name, line1, city, state, zip, country, timezone, currency, remote: false, weight };
}

/** Headquarters: always the first location. */
export const HEADQUARTERS: LocationTemplate = loc(
  'San Francisco HQ',
  '100 Market Street',
  'San Francisco',
  'CA',
  '94105',
  'US',
  'America/Los_Angeles',
  'USD',
  10,
);

export const REMOTE: LocationTemplate = {
  name: 'Remote (US)',
  line1: '100 Market Street',
  city: 'San Francisco',
  state: 'CA',
  zip: '94105',
  country: 'US',
  timezone: 'America/New_York',
  currency: 'USD',
  remote: true,
  weight: 4,
};

/** Always present so that every company pays in more than one currency. */
export const CORE_OFFICES: readonly LocationTemplate[] = [
  loc('London', '30 Finsbury Square', 'London', null, 'EC2A 1AG', 'GB', 'Europe/London', 'GBP', 4),
  loc('Toronto', '200 Bay Street', 'Toronto', 'ON', 'M5J 2J2', 'CA', 'America/Toronto', 'CAD', 3),
  loc('Berlin', 'Friedrichstraße 68', 'Berlin', null, '10117', 'DE', 'Europe/Berlin', 'EUR', 3),
];

export const OTHER_OFFICES: readonly LocationTemplate[] = [
  loc(
    'New York',
    '350 Fifth Avenue',
    'New York',
    'NY',
    '10118',
    'US',
    'America/New_York',
    'USD',
    5,
  ),
  loc('Austin', '500 West 2nd Street', 'Austin', 'TX', '78701', 'US', 'America/Chicago', 'USD', 3),
  loc('Denver', '1700 Lincoln Street', 'Denver', 'CO', '80203', 'US', 'America/Denver', 'USD', 2),
  loc('Paris', '12 Rue de la Paix', 'Paris', null, '75002', 'FR', 'Europe/Paris', 'EUR', 2),
  loc(
    'Dublin',
    '1 Grand Canal Square',
    'Dublin',
    null,
    'D02 P820',
    'IE',
    'Europe/Dublin',
    'EUR',
    2,
  ),
  loc(
    'Vancouver',
    '1055 West Georgia Street',
    'Vancouver',
    'BC',
    'V6E 3P3',
    'CA',
    'America/Vancouver',
    'CAD',
    2,
  ),
  loc(
    'Amsterdam',
    'Herengracht 182',
    'Amsterdam',
    null,
    '1016 BR',
    'NL',
    'Europe/Amsterdam',
    'EUR',
    2,
  ),
  loc(
    'Manchester',
    '1 Spinningfields',
    'Manchester',
    null,
    'M3 3AP',
    'GB',
    'Europe/London',
    'GBP',
    1,
  ),
];
