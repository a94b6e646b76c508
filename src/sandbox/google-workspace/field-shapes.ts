/**
 * Property names of the response schemas this sandbox serves (from the Discovery document), so
 * a `fields` selection naming a property that does not exist is refused as Google refuses it.
 * `name:Ref` descends into another shape; properties of type `any` and maps accept any selection.
 */

const SHAPES: Record<string, string> = {
  Users: 'etag kind nextPageToken trigger_event users:User',
  User: 'addresses agreedToTerms aliases archived changePasswordAtNextLogin creationTime customSchemas customerId deletionTime emails etag externalIds gender hashFunction id ims includeInGlobalAddressList ipWhitelisted isAdmin isDelegatedAdmin isEnforcedIn2Sv isEnrolledIn2Sv isMailboxSetup keywords kind languages lastLoginTime locations name:UserName nonEditableAliases notes orgUnitPath organizations password phones posixAccounts primaryEmail recoveryEmail recoveryPhone relations sshPublicKeys suspended suspensionReason thumbnailPhotoEtag thumbnailPhotoUrl websites',
  UserName: 'displayName familyName fullName givenName',
  Groups: 'etag groups:Group kind nextPageToken',
  Group:
    'adminCreated aliases description directMembersCount email etag id kind name nonEditableAliases',
  Members: 'etag kind members:Member nextPageToken',
  Member: 'delivery_settings email etag id kind role status type',
  OrgUnits: 'etag kind organizationUnits:OrgUnit',
  OrgUnit:
    'blockInheritance description etag kind name orgUnitId orgUnitPath parentOrgUnitId parentOrgUnitPath',
  Schemas: 'etag kind schemas:Schema',
  Schema: 'displayName etag fields:SchemaFieldSpec kind schemaId schemaName',
  SchemaFieldSpec:
    'displayName etag fieldId fieldName fieldType indexed kind multiValued numericIndexingSpec readAccessType',
  Customer:
    'alternateEmail customerCreationTime customerDomain etag id kind language phoneNumber postalAddress:CustomerPostalAddress',
  CustomerPostalAddress:
    'addressLine1 addressLine2 addressLine3 contactName countryCode locality organizationName postalCode region',
};

export type ShapeName = keyof typeof SHAPES;

/** A shape: property name → the shape below it, or null where anything goes. */
export type Shape = ReadonlyMap<string, Shape | null>;

function build(name: string, seen: Map<string, Map<string, Shape | null>>): Shape {
  const done = seen.get(name);
  if (done) return done;
  const shape = new Map<string, Shape | null>();
  seen.set(name, shape);
  for (const entry of (SHAPES[name] ?? '').split(' ')) {
    const [property = '', ref] = entry.split(':');
    shape.set(property, ref ? build(ref, seen) : null);
  }
  return shape;
}

export function shapeOf(name: ShapeName): Shape {
  return build(name, new Map());
}
