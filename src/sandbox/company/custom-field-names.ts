/**
 * Readable custom field names: a hand-picked list first, then subject × suffix and
 * qualifier × subject × suffix combinations, which give well over the 1,000 a company may ask
 * for. The order is the same for every seed, so `customShirtSize` is field 5000 everywhere.
 */
import type { CustomFieldType } from './types.js';

export interface FieldTemplate {
  readonly name: string;
  readonly type: CustomFieldType;
  readonly options: readonly string[];
}

function f(name: string, type: CustomFieldType, options: readonly string[] = []): FieldTemplate {
  return { name, type, options };
}

const CURATED: readonly FieldTemplate[] = [
  f('Shirt Size', 'list', ['XS', 'S', 'M', 'L', 'XL', 'XXL']),
  f('Badge Number', 'int'),
  f('Parking Spot', 'text'),
  f('Laptop Model', 'list', [
    'MacBook Pro 14',
    'MacBook Air 13',
    'ThinkPad X1 Carbon',
    'Dell XPS 13',
  ]),
  f('Dietary Preference', 'list', [
    'None',
    'Vegetarian',
    'Vegan',
    'Gluten-free',
    'Halal',
    'Kosher',
  ]),
  f('Remote Work Eligible', 'checkbox'),
  f('Security Clearance', 'list', ['None', 'Confidential', 'Secret', 'Top Secret']),
  f('Emergency Contact Name', 'text'),
  f('Emergency Contact Phone', 'text'),
  f('Preferred Pronouns', 'list', ['she/her', 'he/him', 'they/them', 'Prefer not to say']),
  f('Desk Location', 'text'),
  f('Cost Center', 'text'),
  f('Union Member', 'checkbox'),
  f('Signing Bonus', 'currency'),
  f('Relocation Allowance', 'currency'),
  f('Annual Bonus Target', 'currency'),
  f('Stock Options Granted', 'int'),
  f('Last Review Date', 'date'),
  f('Next Review Date', 'date'),
  f('Visa Type', 'list', [
    'Citizen',
    'Permanent Resident',
    'H-1B',
    'L-1',
    'Skilled Worker',
    'Blue Card',
    'TN',
  ]),
  f('Mentor', 'text'),
  f('Referral Source', 'list', [
    'LinkedIn',
    'Employee Referral',
    'Careers Page',
    'Recruiter',
    'Job Board',
    'University',
  ]),
  f('Onboarding Buddy', 'text'),
  f('Home Office Stipend', 'currency'),
  f('Training Budget', 'currency'),
  f('Years of Experience', 'int'),
  f('GitHub Username', 'text'),
  f('Slack Handle', 'text'),
  f('Blood Type', 'list', ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-']),
  f('Volunteer Days Used', 'int'),
  f('Wellness Program Enrolled', 'checkbox'),
  f('Commuter Benefit', 'checkbox'),
  f('Equipment Returned', 'checkbox'),
  f('Background Check Date', 'date'),
  f('Locker Number', 'int'),
  f('Languages Spoken', 'list', [
    'English',
    'French',
    'German',
    'Spanish',
    'Dutch',
    'Mandarin',
    'Hindi',
  ]),
  f('Favorite Snack', 'text'),
  f('Work Anniversary Gift', 'list', ['Book', 'Headphones', 'Plant', 'Donation', 'Voucher']),
];

const SUBJECTS = [
  'Badge',
  'Parking',
  'Laptop',
  'Desk',
  'Mentor',
  'Training',
  'Certification',
  'Visa',
  'Equipment',
  'Project',
  'Union',
  'Benefit',
  'Relocation',
  'Bonus',
  'Stipend',
  'Language',
  'Security',
  'Travel',
  'Wellness',
  'Compliance',
  'Onboarding',
  'Offboarding',
  'Payroll',
  'Insurance',
  'Pension',
];

const SUFFIXES: readonly FieldTemplate[] = [
  f('Number', 'int'),
  f('Date', 'date'),
  f('Code', 'text'),
  f('Level', 'list', ['Level 1', 'Level 2', 'Level 3', 'Level 4']),
  f('Status', 'list', ['Pending', 'Active', 'Expired', 'Not Applicable']),
  f('Amount', 'currency'),
  f('Notes', 'text'),
  f('Required', 'checkbox'),
  f('Type', 'list', ['Standard', 'Premium', 'Temporary', 'Other']),
  f('Expiry Date', 'date'),
];

const QUALIFIERS = [
  'Primary',
  'Secondary',
  'Previous',
  'Regional',
  'Annual',
  'Quarterly',
  'Internal',
  'External',
  'Legacy',
  'Interim',
];

/** The first `count` field templates, names distinct. */
export function fieldTemplates(count: number): FieldTemplate[] {
  const out: FieldTemplate[] = [];
  const names = new Set<string>();
  function add(template: FieldTemplate): boolean {
    if (!names.has(template.name)) {
      names.add(template.name);
      out.push(template);
    }
    return out.length >= count;
  }
  if (count <= 0) return out;
  for (const template of CURATED) if (add(template)) return out;
  for (const suffix of SUFFIXES) {
    for (const subject of SUBJECTS) {
      if (add({ ...suffix, name: `${subject} ${suffix.name}` })) return out;
    }
  }
  for (const qualifier of QUALIFIERS) {
    for (const suffix of SUFFIXES) {
      for (const subject of SUBJECTS) {
        if (add({ ...suffix, name: `${qualifier} ${subject} ${suffix.name}` })) return out;
      }
    }
  }
  for (let n = out.length + 1; out.length < count; n++) add(f(`Custom Field ${n}`, 'text'));
  return out;
}
