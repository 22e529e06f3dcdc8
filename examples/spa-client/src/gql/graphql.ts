/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * A calendar date, `YYYY-MM-DD` (RFC 3339 `full-date`), years 0001 to 9999; no time and no
   * zone. "Today" is the clinic's date (`CLINIC_TIME_ZONE`).
   */
  Date: { input: `${number}-${number}-${number}`; output: `${number}-${number}-${number}`; }
  /**
   * An instant, RFC 3339 `date-time` with its offset (`2026-11-23T05:55:42-03:00` as input);
   * answered in UTC with milliseconds (`2026-11-23T08:55:42.452Z`).
   */
  DateTime: { input: string; output: string; }
  /**
   * An exact decimal number as a JSON string in plain notation, a subset of XML Schema's
   * `decimal` lexical form (an optional `-`, digits, optionally `.` and digits: no `+`, no
   * leading or trailing `.`, no exponent), e.g.
   * `"1520.50"`, so that no client reads money as a float. At most 12 integer digits and 4
   * decimals (money columns take two). JSON integers are accepted as input; answers are
   * strings without trailing zeros (`"1520.5"`).
   */
  Decimal: { input: `${number}`; output: `${number}`; }
  /**
   * Any JSON value (RFC 8259): objects, arrays, strings, numbers, booleans, null. Integers
   * beyond 64 bits are read as floating point.
   */
  JSON: { input: string | number | boolean | null | { [key: string]: unknown } | unknown[]; output: string | number | boolean | null | { [key: string]: unknown } | unknown[]; }
};

export type AuditAction =
  | 'CREATED'
  | 'DELETED'
  | 'UPDATED';

export type AuditEntry = {
  __typename?: 'AuditEntry';
  action: AuditAction;
  /** The authorization as it is now; null once deleted. */
  authorization?: Maybe<Authorization>;
  /**
   * The global ID of the authorization changed; it stays valid as a filter of
   * `authorizationAudit` after the authorization is deleted.
   */
  authorizationId: Scalars['ID']['output'];
  changedAt: Scalars['DateTime']['output'];
  /**
   * Null for changes made outside the service (by hand in SQL), and, as in `node`, for
   * other users unless the caller is ADMIN.
   */
  changedBy?: Maybe<User>;
  /** Fields whose value changed, named as in `oldData` and `newData`. */
  changedFields: Array<Scalars['String']['output']>;
  /** The EPS of the agreement; null once the EPS itself is deleted. */
  eps?: Maybe<Eps>;
  /** The site of the agreement; null once the site itself is deleted. */
  location?: Maybe<Location>;
  /** The authorization after the change (null for a deletion), as `oldData`. */
  newData?: Maybe<Scalars['JSON']['output']>;
  /**
   * The authorization before the change (null for a creation), with the schema's field
   * names (`epsId`, `copayPercentage`…) and global IDs.
   */
  oldData?: Maybe<Scalars['JSON']['output']>;
  /** The specialty of the agreement; null once the specialty itself is deleted. */
  specialty?: Maybe<Specialty>;
};

export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** A list of edges. */
  edges: Array<AuditEntryEdge>;
  /** A list of nodes. */
  nodes: Array<AuditEntry>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: AuditEntry;
};

/** May an EPS be seen for a specialty at a site, and on what terms. */
export type Authorization = Node & {
  __typename?: 'Authorization';
  /** Every change, newest first (`authorizationAudit` reads it after a deletion too). */
  auditTrail: Array<AuditEntry>;
  /** First valid day; null: since always. */
  authorizationDate?: Maybe<Scalars['Date']['output']>;
  /** False: suspended. */
  authorized: Scalars['Boolean']['output'];
  /** Copay, 0 to 100 with two decimals; null: not agreed (0 is no copay). */
  copayPercentage?: Maybe<Scalars['Decimal']['output']>;
  createdAt: Scalars['DateTime']['output'];
  createdBy?: Maybe<User>;
  databaseId: Scalars['Int']['output'];
  eps: Eps;
  /** Last valid day; null: no end. */
  expirationDate?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  /** Valid today (in the clinic's time zone): authorized, within its dates, EPS active. */
  isCurrentlyValid: Scalars['Boolean']['output'];
  location: Location;
  /** Monthly quota of appointments; null: no quota (0 is a quota of zero). */
  maxMonthlyAppointments?: Maybe<Scalars['Int']['output']>;
  notes?: Maybe<Scalars['String']['output']>;
  requiresPriorAuthorization: Scalars['Boolean']['output'];
  specialty: Specialty;
  updatedAt: Scalars['DateTime']['output'];
};

export type AuthorizationAuditFilter = {
  /** One authorization's entries; the ID of a deleted authorization works too. */
  authorizationId?: InputMaybe<Scalars['ID']['input']>;
  /** Changes made by this user. */
  changedBy?: InputMaybe<Scalars['ID']['input']>;
  /** Entries of agreements with this EPS. */
  epsId?: InputMaybe<Scalars['ID']['input']>;
  /** Changes made on or after this day (the clinic's time zone). */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Entries of agreements at this site. */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  /** Entries of agreements for this specialty. */
  specialtyId?: InputMaybe<Scalars['ID']['input']>;
  /** Changes made on or before this day (the clinic's time zone). */
  to?: InputMaybe<Scalars['Date']['input']>;
};

export type AuthorizationCheck = {
  __typename?: 'AuthorizationCheck';
  /** The agreement, when there is one (valid or not). */
  authorization?: Maybe<Authorization>;
  authorized: Scalars['Boolean']['output'];
  /** Why not; null when authorized. */
  reason?: Maybe<AuthorizationDenialReason>;
};

export type AuthorizationConnection = {
  __typename?: 'AuthorizationConnection';
  /** A list of edges. */
  edges: Array<AuthorizationEdge>;
  /** A list of nodes. */
  nodes: Array<Authorization>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type AuthorizationDenialReason =
  /** The EPS is inactive. */
  | 'EPS_INACTIVE'
  /** The day is after its expiration date. */
  | 'EXPIRED'
  /** The site is inactive: nothing is booked there. */
  | 'LOCATION_INACTIVE'
  /** The day is before its authorization date. */
  | 'NOT_YET_VALID'
  /** No agreement for this EPS, specialty and site. */
  | 'NO_AGREEMENT'
  /** The specialty is inactive: not offered at any site. */
  | 'SPECIALTY_INACTIVE'
  /** The agreement exists but is suspended (`authorized: false`). */
  | 'SUSPENDED';

/** An edge in a connection. */
export type AuthorizationEdge = {
  __typename?: 'AuthorizationEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Authorization;
};

export type AuthorizationFilter = {
  authorized?: InputMaybe<Scalars['Boolean']['input']>;
  /** Valid today (true) or not (false). */
  currentlyValid?: InputMaybe<Scalars['Boolean']['input']>;
  epsId?: InputMaybe<Scalars['ID']['input']>;
  /**
   * Valid today and expiring on or before this day: the expiry worklist (order it by
   * `EXPIRATION_DATE` for soonest first).
   */
  expiringBy?: InputMaybe<Scalars['Date']['input']>;
  locationId?: InputMaybe<Scalars['ID']['input']>;
  specialtyId?: InputMaybe<Scalars['ID']['input']>;
  /** Valid on this day. */
  validOn?: InputMaybe<Scalars['Date']['input']>;
};

/** How `authorizations` is ordered; ties are broken by id, in the same direction. */
export type AuthorizationOrder = {
  /** Default ASC. */
  direction?: OrderDirection;
  /** What to order by. */
  field: AuthorizationOrderField;
};

/** What `authorizations` is ordered by. */
export type AuthorizationOrderField =
  /**
   * Expiration date, then id; agreements without one sort as the latest (last ascending,
   * first descending).
   */
  | 'EXPIRATION_DATE'
  /** Creation order. */
  | 'ID';

/** A write's outcome: the object, or the user's mistakes (nothing written). */
export type AuthorizationPayload = {
  __typename?: 'AuthorizationPayload';
  /** The changed object; null when nothing was written. */
  authorization?: Maybe<Authorization>;
  /** Every mistake in the input, each at its field; empty when the write happened. */
  userErrors: Array<UserError>;
};

export type BatchItemResult = {
  __typename?: 'BatchItemResult';
  /** The created authorization; null if this item, or (when atomic) any item, failed. */
  authorization?: Maybe<Authorization>;
  /** Position of the item in `items`. */
  index: Scalars['Int']['output'];
  userErrors: Array<UserError>;
};

export type BillingSummaryRow = {
  __typename?: 'BillingSummaryRow';
  billableAmount: Scalars['Decimal']['output'];
  billableOrderCount: Scalars['Int']['output'];
  copayAmount: Scalars['Decimal']['output'];
  orderCount: Scalars['Int']['output'];
  socialWork: SocialWork;
};

export type CancelOrderInput = {
  id: Scalars['ID']['input'];
};

export type CreateAuthorizationInput = {
  authorizationDate?: InputMaybe<Scalars['Date']['input']>;
  authorized?: Scalars['Boolean']['input'];
  /** 0 to 100, at most two decimals; null when not agreed. */
  copayPercentage?: InputMaybe<Scalars['Decimal']['input']>;
  epsId: Scalars['ID']['input'];
  expirationDate?: InputMaybe<Scalars['Date']['input']>;
  locationId: Scalars['ID']['input'];
  /** 0 or more; null for no quota. */
  maxMonthlyAppointments?: InputMaybe<Scalars['Int']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  requiresPriorAuthorization?: Scalars['Boolean']['input'];
  specialtyId: Scalars['ID']['input'];
};

export type CreateAuthorizationsInput = {
  /** True: all items are written or none. False: every valid item is written. */
  atomic?: Scalars['Boolean']['input'];
  /** 1 to 250 authorizations. */
  items: Array<CreateAuthorizationInput>;
};

export type CreateAuthorizationsPayload = {
  __typename?: 'CreateAuthorizationsPayload';
  /** Authorizations written. */
  created: Scalars['Int']['output'];
  /** Items with user errors. */
  failed: Scalars['Int']['output'];
  results: Array<BatchItemResult>;
};

export type CreateEpsInput = {
  active?: Scalars['Boolean']['input'];
  code: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type CreateLocationInput = {
  active?: Scalars['Boolean']['input'];
  address: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type CreateOrderInput = {
  authorizationMessage?: InputMaybe<Scalars['String']['input']>;
  authorizationStatus?: OrderAuthorizationStatus;
  authorizedAt?: InputMaybe<Scalars['DateTime']['input']>;
  branch?: InputMaybe<Scalars['String']['input']>;
  diagnosisText?: InputMaybe<Scalars['String']['input']>;
  draft?: Scalars['Boolean']['input'];
  /** 1 to 500 practices. */
  items: Array<CreateOrderItemInput>;
  observations?: InputMaybe<Scalars['String']['input']>;
  orderNumber?: InputMaybe<Scalars['String']['input']>;
  /** The patient seen. */
  patientId: Scalars['ID']['input'];
  performedOn?: InputMaybe<Scalars['Date']['input']>;
  pointOfCareId?: InputMaybe<Scalars['ID']['input']>;
  prescribedOn?: InputMaybe<Scalars['Date']['input']>;
  prescriberId?: InputMaybe<Scalars['ID']['input']>;
  providerId?: InputMaybe<Scalars['ID']['input']>;
  /** Default: the patient's social work. */
  socialWorkId?: InputMaybe<Scalars['ID']['input']>;
  type?: OrderType;
  verified?: Scalars['Boolean']['input'];
};

export type CreateOrderItemInput = {
  authorizationMessage?: InputMaybe<Scalars['String']['input']>;
  authorizationStatus?: OrderItemAuthorizationStatus;
  copayValue?: InputMaybe<Scalars['Decimal']['input']>;
  name: Scalars['String']['input'];
  nomenclator: Scalars['String']['input'];
  nomenclatorCode: Scalars['String']['input'];
  totalValue: Scalars['Decimal']['input'];
};

export type CreatePatientInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  affiliateNumber?: InputMaybe<Scalars['String']['input']>;
  birthDate?: InputMaybe<Scalars['Date']['input']>;
  documentNumber: Scalars['String']['input'];
  documentType: DocumentType;
  email?: InputMaybe<Scalars['String']['input']>;
  /** An existing, active EPS. */
  epsId?: InputMaybe<Scalars['ID']['input']>;
  firstName: Scalars['String']['input'];
  gender?: InputMaybe<Scalars['String']['input']>;
  lastName: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  /** An existing, active social work. */
  socialWorkId: Scalars['ID']['input'];
};

/**
 * A practitioner as SUAP knows one: a name, and any of a document and two licences, each
 * unique (the import finds practitioners by them).
 */
export type CreatePractitionerInput = {
  /** As typed: dots, dashes, slashes and spaces are dropped. */
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  /**
   * Any type, as written ("DNI", "CUIT"…), at most 20 characters: stored upper-cased with
   * spaces collapsed ("PAS" and "PASAPORTE" as "PASSPORT"); only dashes is none. Given
   * together with `documentNumber`, or neither.
   */
  documentType?: InputMaybe<Scalars['String']['input']>;
  /** Required, at most 200 characters. */
  fullName: Scalars['String']['input'];
  /** At most 40 characters; unique. */
  nationalLicense?: InputMaybe<Scalars['String']['input']>;
  /** At most 40 characters; unique. */
  provincialLicense?: InputMaybe<Scalars['String']['input']>;
};

export type CreateSocialWorkInput = {
  address: Scalars['String']['input'];
  biochemicalUnitValue?: InputMaybe<Scalars['Decimal']['input']>;
  /** SUAP convenio token, e.g. "OS5"; unique. */
  code?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** 10 to 20 characters: digits, spaces, `-` and `+`. */
  phone: Scalars['String']['input'];
  /** An http(s) URL. */
  webpage: Scalars['String']['input'];
};

export type CreateSpecialtyInput = {
  active?: Scalars['Boolean']['input'];
  name: Scalars['String']['input'];
};

export type CreateUserInput = {
  /** At least 10 characters. */
  password: Scalars['String']['input'];
  role: Role;
  username: Scalars['String']['input'];
};

export type DeleteInput = {
  /** Global ID of the entity to delete. */
  id: Scalars['ID']['input'];
};

export type DeletePayload = {
  __typename?: 'DeletePayload';
  /** The global ID of the deleted entity; null when nothing was deleted. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  userErrors: Array<UserError>;
};

export type DocumentType =
  /** Cédula de Ciudadanía (CO). */
  | 'CC'
  /** Cédula de Extranjería (CO). */
  | 'CE'
  /** Cédula de Identidad. */
  | 'CI'
  /** Documento Nacional de Identidad (AR). */
  | 'DNI'
  /** Libreta Cívica (AR). */
  | 'LC'
  /** Libreta de Enrolamiento (AR). */
  | 'LE'
  | 'PASSPORT'
  /** Tarjeta de Identidad (CO). */
  | 'TI';

/** A Colombian health insurer (Entidad Promotora de Salud). */
export type Eps = Node & {
  __typename?: 'Eps';
  /** Inactive: no authorization of this EPS is valid, and no new patient may name it. */
  active: Scalars['Boolean']['output'];
  /**
   * Sites where this EPS may be seen for the specialty on the day (default today): valid
   * authorizations, by site name.
   */
  authorizedLocations: Array<Authorization>;
  /**
   * Specialties this EPS may be seen for at the site on the day (default today): valid
   * authorizations, by specialty name.
   */
  authorizedSpecialties: Array<Authorization>;
  /** The insurer's own code (FAMISANAR: 2718). */
  code: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** The row id ("EPS 12"). */
  databaseId: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /**
   * How many specialties this EPS has agreements for but none valid on the day (default
   * today) at any site: coverage that lapsed, was suspended or lost its EPS, specialty or
   * sites. Specialties never agreed are not counted.
   */
  specialtiesWithoutValidAgreement: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
};


/** A Colombian health insurer (Entidad Promotora de Salud). */
export type EpsAuthorizedLocationsArgs = {
  on?: InputMaybe<Scalars['Date']['input']>;
  specialtyId: Scalars['ID']['input'];
};


/** A Colombian health insurer (Entidad Promotora de Salud). */
export type EpsAuthorizedSpecialtiesArgs = {
  locationId: Scalars['ID']['input'];
  on?: InputMaybe<Scalars['Date']['input']>;
};


/** A Colombian health insurer (Entidad Promotora de Salud). */
export type EpsSpecialtiesWithoutValidAgreementArgs = {
  on?: InputMaybe<Scalars['Date']['input']>;
};

export type EpsConnection = {
  __typename?: 'EpsConnection';
  /** A list of edges. */
  edges: Array<EpsEdge>;
  /** A list of nodes. */
  nodes: Array<Eps>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type EpsEdge = {
  __typename?: 'EpsEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Eps;
};

export type EpsFilter = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * Name contains this, ignoring case and accents, taken literally (no wildcards). At most
   * 100 characters.
   */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A write's outcome: the object, or the user's mistakes (nothing written). */
export type EpsPayload = {
  __typename?: 'EpsPayload';
  /** The changed object; null when nothing was written. */
  eps?: Maybe<Eps>;
  /** Every mistake in the input, each at its field; empty when the write happened. */
  userErrors: Array<UserError>;
};

export type ImportSuapOrderInput = {
  /** The RENDER section of a SUAP order, with SUAP's field names. */
  render: Scalars['JSON']['input'];
};

/** A site (sede) of the clinic. */
export type Location = Node & {
  __typename?: 'Location';
  active: Scalars['Boolean']['output'];
  address: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  databaseId: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type LocationConnection = {
  __typename?: 'LocationConnection';
  /** A list of edges. */
  edges: Array<LocationEdge>;
  /** A list of nodes. */
  nodes: Array<Location>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type LocationEdge = {
  __typename?: 'LocationEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Location;
};

export type LocationFilter = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * Name contains this, ignoring case and accents, taken literally (no wildcards). At most
   * 100 characters.
   */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A write's outcome: the object, or the user's mistakes (nothing written). */
export type LocationPayload = {
  __typename?: 'LocationPayload';
  /** The changed object; null when nothing was written. */
  location?: Maybe<Location>;
  /** Every mistake in the input, each at its field; empty when the write happened. */
  userErrors: Array<UserError>;
};

export type LoginInput = {
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};

export type LoginPayload = {
  __typename?: 'LoginPayload';
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** A bearer token for the `Authorization` header. */
  token?: Maybe<Scalars['String']['output']>;
  user?: Maybe<User>;
  userErrors: Array<UserError>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Marks an order cancelled by the provider: never billable again. STAFF or ADMIN. */
  cancelOrder: OrderPayload;
  /** Creates one authorization. ADMIN. */
  createAuthorization: AuthorizationPayload;
  /**
   * Creates 1 to 250 authorizations in one transaction, reporting each item's outcome.
   * ADMIN.
   */
  createAuthorizations: CreateAuthorizationsPayload;
  /** Registers an EPS. ADMIN. */
  createEps: EpsPayload;
  /** Registers a site. ADMIN. */
  createLocation: LocationPayload;
  /**
   * Registers an order with its items, in one transaction; its totals are the sums of the
   * authorized items. STAFF or ADMIN.
   */
  createOrder: OrderPayload;
  /** Registers a patient on an active social work. STAFF or ADMIN. */
  createPatient: PatientPayload;
  /** Registers a practitioner. STAFF or ADMIN. */
  createPractitioner: PractitionerPayload;
  /** Registers a social work, active from the start. ADMIN. */
  createSocialWork: SocialWorkPayload;
  /** Registers a specialty. ADMIN. */
  createSpecialty: SpecialtyPayload;
  /** Creates a user who can log in. ADMIN. */
  createUser: UserPayload;
  /** Deletes an authorization; its audit trail stays. ADMIN. */
  deleteAuthorization: DeletePayload;
  /** Deletes an EPS nothing references (else `IN_USE`: deactivate it instead). ADMIN. */
  deleteEps: DeletePayload;
  /** Deletes a site no authorization references (else `IN_USE`). ADMIN. */
  deleteLocation: DeletePayload;
  /**
   * Deletes a social work no patient or order references (else `IN_USE`: deactivate it
   * instead). ADMIN.
   */
  deleteSocialWork: DeletePayload;
  /** Deletes a specialty no authorization references (else `IN_USE`). ADMIN. */
  deleteSpecialty: DeletePayload;
  /**
   * Creates or updates an order from the RENDER section of a SUAP order, finding or creating
   * its patient and practitioners, in one transaction; the same document twice changes
   * nothing the second time. Problems come back as user errors whose `field` is the JSON
   * path. STAFF or ADMIN.
   */
  importSuapOrder: OrderPayload;
  /**
   * Exchanges a username and password for a token. Needs no token. Failed attempts slow
   * down further ones (per username and per client address): RATE_LIMITED says how long
   * to wait. One `login` per document.
   */
  login: LoginPayload;
  /** Changes the terms of an authorization. ADMIN. */
  updateAuthorization: AuthorizationPayload;
  /** Changes an EPS's name, code or active flag. ADMIN. */
  updateEps: EpsPayload;
  /** Changes a site's name, address or active flag. ADMIN. */
  updateLocation: LocationPayload;
  /** Changes a patient's data or affiliation. STAFF or ADMIN. */
  updatePatient: PatientPayload;
  /** Corrects a practitioner's name, document or licences. STAFF or ADMIN. */
  updatePractitioner: PractitionerPayload;
  /**
   * Changes any field, state included; the name stays unique. Setting any of address, phone
   * or webpage of a `contactPending` social work requires all three. ADMIN.
   */
  updateSocialWork: SocialWorkPayload;
  /** Renames or (de)activates a specialty. ADMIN. */
  updateSpecialty: SpecialtyPayload;
};


export type MutationCancelOrderArgs = {
  input: CancelOrderInput;
};


export type MutationCreateAuthorizationArgs = {
  input: CreateAuthorizationInput;
};


export type MutationCreateAuthorizationsArgs = {
  input: CreateAuthorizationsInput;
};


export type MutationCreateEpsArgs = {
  input: CreateEpsInput;
};


export type MutationCreateLocationArgs = {
  input: CreateLocationInput;
};


export type MutationCreateOrderArgs = {
  input: CreateOrderInput;
};


export type MutationCreatePatientArgs = {
  input: CreatePatientInput;
};


export type MutationCreatePractitionerArgs = {
  input: CreatePractitionerInput;
};


export type MutationCreateSocialWorkArgs = {
  input: CreateSocialWorkInput;
};


export type MutationCreateSpecialtyArgs = {
  input: CreateSpecialtyInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationDeleteAuthorizationArgs = {
  input: DeleteInput;
};


export type MutationDeleteEpsArgs = {
  input: DeleteInput;
};


export type MutationDeleteLocationArgs = {
  input: DeleteInput;
};


export type MutationDeleteSocialWorkArgs = {
  input: DeleteInput;
};


export type MutationDeleteSpecialtyArgs = {
  input: DeleteInput;
};


export type MutationImportSuapOrderArgs = {
  input: ImportSuapOrderInput;
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationUpdateAuthorizationArgs = {
  input: UpdateAuthorizationInput;
};


export type MutationUpdateEpsArgs = {
  input: UpdateEpsInput;
};


export type MutationUpdateLocationArgs = {
  input: UpdateLocationInput;
};


export type MutationUpdatePatientArgs = {
  input: UpdatePatientInput;
};


export type MutationUpdatePractitionerArgs = {
  input: UpdatePractitionerInput;
};


export type MutationUpdateSocialWorkArgs = {
  input: UpdateSocialWorkInput;
};


export type MutationUpdateSpecialtyArgs = {
  input: UpdateSpecialtyInput;
};

export type Node = {
  /** Opaque global ID. */
  id: Scalars['ID']['output'];
};

/** An order (SUAP "orden"): who was seen, for what, and how the insurer authorized it. */
export type Order = Node & {
  __typename?: 'Order';
  authorizationMessage?: Maybe<Scalars['String']['output']>;
  authorizationStatus: OrderAuthorizationStatus;
  /** SUAP FechaAutorizacion: the consumption date. */
  authorizedAt?: Maybe<Scalars['DateTime']['output']>;
  /** At least one item may be billed (seed 002's rules). */
  billable: Scalars['Boolean']['output'];
  /** Sum of the billable items' values. */
  billableAmount: Scalars['Decimal']['output'];
  /**
   * The billable items' copays; when no item carries one, a billable order's own copay
   * (`totalCopayValue`: the agreement computes it for the whole order).
   */
  billableCopayAmount: Scalars['Decimal']['output'];
  branch?: Maybe<Scalars['String']['output']>;
  cancelledByProvider: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  databaseId: Scalars['Int']['output'];
  diagnosisText?: Maybe<Scalars['String']['output']>;
  draft: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  items: Array<OrderItem>;
  observations?: Maybe<Scalars['String']['output']>;
  orderNumber?: Maybe<Scalars['String']['output']>;
  /** The patient seen: SUAP's "afiliado". */
  patient: Patient;
  performedOn?: Maybe<Scalars['Date']['output']>;
  pointOfCare?: Maybe<Location>;
  prescribedOn?: Maybe<Scalars['Date']['output']>;
  prescriber?: Maybe<Practitioner>;
  provider?: Maybe<Practitioner>;
  socialWork: SocialWork;
  /** SUAP's _PuntoAtencion, as received. */
  suapPointOfCare?: Maybe<Scalars['Int']['output']>;
  /**
   * SUAP's own token, for imported orders.
   * @deprecated Use `token`: it is SUAP's token now.
   */
  suapToken?: Maybe<Scalars['String']['output']>;
  /** SUAP's `Tipo` as it names it (`CONSUMO`, `PRESUPUESTO`, …). */
  suapType: Scalars['String']['output'];
  /**
   * SUAP's token ("O" + SUAP's order number), as the clerk reads it on SUAP; null for
   * orders created here, which SUAP does not know.
   */
  token?: Maybe<Scalars['String']['output']>;
  /** As SUAP reported it (for orders created here: the sum of the authorized items). */
  totalAuthorizedValue: Scalars['Decimal']['output'];
  /** As SUAP reported it (for orders created here: the sum of the authorized items' copays). */
  totalCopayValue: Scalars['Decimal']['output'];
  /** SUAP's totals differ from the sums of its authorized items. */
  totalsMismatch: Scalars['Boolean']['output'];
  type: OrderType;
  updatedAt: Scalars['DateTime']['output'];
  verified: Scalars['Boolean']['output'];
};

/** SUAP EstadoAutorizacion of an order; imports take the numbers in brackets. */
export type OrderAuthorizationStatus =
  /** [1] AUTORIZADA */
  | 'AUTHORIZED'
  /** [6] AUTORIZADA_EXTRA_SISTEMA */
  | 'AUTHORIZED_OFF_SYSTEM'
  /** [2] PARCIALMENTE_AUTORIZADA */
  | 'PARTIALLY_AUTHORIZED'
  /** [8] PARCIALMENTE_REMITIDA_AUDITORIA_ADM */
  | 'PARTIALLY_REFERRED_TO_ADMIN_AUDIT'
  /** [5] PARCIALMENTE_REMITIDA_AUDITORIA */
  | 'PARTIALLY_REFERRED_TO_AUDIT'
  /** [7] REMITIDA_AUDITORIA_ADM */
  | 'REFERRED_TO_ADMIN_AUDIT'
  /** [3] REMITIDA_AUDITORIA */
  | 'REFERRED_TO_AUDIT'
  /** [4] RECHAZADA */
  | 'REJECTED'
  /** [0] SIN_PROCESAR */
  | 'UNPROCESSED';

export type OrderConnection = {
  __typename?: 'OrderConnection';
  /** A list of edges. */
  edges: Array<OrderEdge>;
  /** A list of nodes. */
  nodes: Array<Order>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Which way a list runs (the sort direction, not a SUAP order). */
export type OrderDirection =
  /** Smallest (soonest, oldest) first. */
  | 'ASC'
  /** Largest (latest, newest) first. */
  | 'DESC';

/** An edge in a connection. */
export type OrderEdge = {
  __typename?: 'OrderEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Order;
};

export type OrderFilter = {
  billable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Has an authorization date (true), or none, and so is in no billing summary (false). */
  consumed?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * Consumed on or after this day: SUAP's authorization date, in the clinic's time zone,
   * the same day `billingSummary` counts it on. Orders without an authorization date are
   * never consumed (find them with `consumed: false`).
   */
  consumedFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Consumed on or before this day (see `consumedFrom`). */
  consumedTo?: InputMaybe<Scalars['Date']['input']>;
  patientId?: InputMaybe<Scalars['ID']['input']>;
  /** Performed on or after this day. */
  performedFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Performed on or before this day. */
  performedTo?: InputMaybe<Scalars['Date']['input']>;
  /**
   * SUAP token ("O458812"), ticket number (`NumeroOrden`), or the affiliate's name,
   * document or affiliate number, as typed: case, accents and separators aside, taken
   * literally. At most 100 characters.
   */
  search?: InputMaybe<Scalars['String']['input']>;
  socialWorkId?: InputMaybe<Scalars['ID']['input']>;
  /** Any of these order states. */
  status?: InputMaybe<Array<OrderAuthorizationStatus>>;
  totalsMismatch?: InputMaybe<Scalars['Boolean']['input']>;
  /** SUAP's verification (`EstadoVerificacion`), for closing a period. */
  verified?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One practice of an order (SUAP "itemsOrden"). */
export type OrderItem = Node & {
  __typename?: 'OrderItem';
  authorizationMessage?: Maybe<Scalars['String']['output']>;
  authorizationStatus: OrderItemAuthorizationStatus;
  /** May be billed to the insurer (seed 002's table). */
  billable: Scalars['Boolean']['output'];
  copayValue?: Maybe<Scalars['Decimal']['output']>;
  /** The row id. */
  databaseId: Scalars['Int']['output'];
  /** Opaque global ID: each practice is a Node of its own. */
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  nomenclator: Scalars['String']['output'];
  nomenclatorCode: Scalars['String']['output'];
  /** SUAP's token of the practice ("PO" + SUAP's number); null for items created here. */
  token?: Maybe<Scalars['String']['output']>;
  /** The practice's value whatever its authorization. */
  totalValue: Scalars['Decimal']['output'];
};

/** SUAP EstadoAutorizacion of an item; imports take the numbers in brackets. */
export type OrderItemAuthorizationStatus =
  /** [1] AUTORIZADA */
  | 'AUTHORIZED'
  /** [6] AUTORIZADA EXTRA SISTEMA */
  | 'AUTHORIZED_OFF_SYSTEM'
  /** [2] REMITIDA A AUDITORIA */
  | 'REFERRED_TO_AUDIT'
  /** [3] RECHAZADA */
  | 'REJECTED'
  /** [0] SIN_PROCESAR */
  | 'UNPROCESSED';

/** A write's outcome: the object, or the user's mistakes (nothing written). */
export type OrderPayload = {
  __typename?: 'OrderPayload';
  /** The changed object; null when nothing was written. */
  order?: Maybe<Order>;
  /** Every mistake in the input, each at its field; empty when the write happened. */
  userErrors: Array<UserError>;
};

/** SUAP's order types. */
export type OrderType =
  /** SUAP `CONSUMO`: the only type that can be billed. */
  | 'CONSUMPTION'
  /** Any other SUAP `Tipo` (`PRESUPUESTO`, …), kept as given in `suapType`: never billable. */
  | 'OTHER';

/** Information about pagination in a connection */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** When paginating forwards, the cursor to continue. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** When paginating forwards, are there more items? */
  hasNextPage: Scalars['Boolean']['output'];
  /** When paginating backwards, are there more items? */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** When paginating backwards, the cursor to continue. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A person the clinic sees, affiliated with a social work. */
export type Patient = Node & {
  __typename?: 'Patient';
  address?: Maybe<Scalars['String']['output']>;
  /** SUAP NumeroAfiliado: the number on the insurer's card. */
  affiliateNumber?: Maybe<Scalars['String']['output']>;
  birthDate?: Maybe<Scalars['Date']['output']>;
  createdAt: Scalars['DateTime']['output'];
  databaseId: Scalars['Int']['output'];
  /** Unique per document type. */
  documentNumber: Scalars['String']['output'];
  documentType: DocumentType;
  email?: Maybe<Scalars['String']['output']>;
  /** Optional Colombian EPS. */
  eps?: Maybe<Eps>;
  firstName: Scalars['String']['output'];
  /** "First Last". */
  fullName: Scalars['String']['output'];
  gender?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastName: Scalars['String']['output'];
  /**
   * Who registered the patient: staff, or an order import (whose social work may be
   * inactive).
   */
  origin: PatientOrigin;
  phone?: Maybe<Scalars['String']['output']>;
  /** The social work the patient is affiliated with. */
  socialWork: SocialWork;
  updatedAt: Scalars['DateTime']['output'];
};

export type PatientConnection = {
  __typename?: 'PatientConnection';
  /** A list of edges. */
  edges: Array<PatientEdge>;
  /** A list of nodes. */
  nodes: Array<Patient>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type PatientEdge = {
  __typename?: 'PatientEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Patient;
};

export type PatientFilter = {
  /** Only patients of this EPS. */
  epsId?: InputMaybe<Scalars['ID']['input']>;
  /**
   * First name, last name, full name or document number contains this (case- and
   * accent-insensitive), or the affiliate number does, as typed ("61-123456-7/01" finds
   * "61 123456 7 01": only letters and digits are compared). At most 100 characters.
   */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only patients of this social work. */
  socialWorkId?: InputMaybe<Scalars['ID']['input']>;
};

/** Who registered a patient. */
export type PatientOrigin =
  /** Staff, through the API: the social work (and EPS) had to be active. */
  | 'STAFF'
  /**
   * An order import, for the affiliate SUAP names; the social work may be one the
   * clinic marked inactive, since the insurer had already authorized the order.
   */
  | 'SUAP_IMPORT';

/** A write's outcome: the object, or the user's mistakes (nothing written). */
export type PatientPayload = {
  __typename?: 'PatientPayload';
  /** The changed object; null when nothing was written. */
  patient?: Maybe<Patient>;
  /** Every mistake in the input, each at its field; empty when the write happened. */
  userErrors: Array<UserError>;
};

/**
 * A provider (prestador) or prescriber (prescriptor). Its plain fields are the GraphQL
 * type's; `id`, `databaseId` and the times are in `graphql.rs`.
 */
export type Practitioner = Node & {
  __typename?: 'Practitioner';
  /** When it was registered (by staff or an import). */
  createdAt: Scalars['DateTime']['output'];
  databaseId: Scalars['Int']['output'];
  /** Stored normalised: upper-cased, without dots, dashes, slashes or spaces. */
  documentNumber?: Maybe<Scalars['String']['output']>;
  /**
   * As SUAP or staff gave it, upper-cased: "DNI", "LE", "CUIT", "CUIL"… (open). Null when
   * the practitioner is known by licence or name only.
   */
  documentType?: Maybe<Scalars['String']['output']>;
  /** As SUAP or staff wrote it ("RUIZ, ESTEBAN", "LABORATORIO CENTRAL SRL"). */
  fullName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Matrícula nacional, unique. */
  nationalLicense?: Maybe<Scalars['String']['output']>;
  /** Matrícula provincial, unique. */
  provincialLicense?: Maybe<Scalars['String']['output']>;
  /** When it was last corrected. */
  updatedAt: Scalars['DateTime']['output'];
};

export type PractitionerConnection = {
  __typename?: 'PractitionerConnection';
  /** A list of edges. */
  edges: Array<PractitionerEdge>;
  /** A list of nodes. */
  nodes: Array<Practitioner>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type PractitionerEdge = {
  __typename?: 'PractitionerEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Practitioner;
};

/** Which practitioners `practitioners` lists. */
export type PractitionerFilter = {
  /**
   * Name, a licence or the document number contains this: case, accents and separators
   * aside, taken literally. At most 100 characters.
   */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A write's outcome: the object, or the user's mistakes (nothing written). */
export type PractitionerPayload = {
  __typename?: 'PractitionerPayload';
  /** The changed object; null when nothing was written. */
  practitioner?: Maybe<Practitioner>;
  /** Every mistake in the input, each at its field; empty when the write happened. */
  userErrors: Array<UserError>;
};

export type Query = {
  __typename?: 'Query';
  /** The audit log of every authorization, newest first, including deleted ones. */
  authorizationAudit: AuditEntryConnection;
  /** May this EPS be seen for this specialty at this site on this day (default: today)? */
  authorizationCheck: AuthorizationCheck;
  /** Authorizations, by id unless `orderBy` says otherwise. */
  authorizations: AuthorizationConnection;
  /**
   * Per social work, the orders consumed (SUAP's authorization date, in the clinic's time
   * zone) from `from` to `to`, both inclusive: how many, how many billable, and the billable
   * amounts.
   */
  billingSummary: Array<BillingSummaryRow>;
  /** EPS by name, then id. */
  epsList: EpsConnection;
  /** Sites by name, then id. */
  locations: LocationConnection;
  /** Any entity by its global ID; null if it does not exist. */
  node?: Maybe<Node>;
  /** Entities by global ID, in the order asked; null where one does not exist. */
  nodes: Array<Maybe<Node>>;
  /** An imported order by SUAP's token ("O458812"); null when no order has it. */
  orderByToken?: Maybe<Order>;
  /** Orders by id. */
  orders: OrderConnection;
  /** Patients by last name, first name, id. */
  patients: PatientConnection;
  /** Practitioners by name, then id. */
  practitioners: PractitionerConnection;
  /** Social works by name, then id. */
  socialWorks: SocialWorkConnection;
  /** Specialties by name, then id. */
  specialties: SpecialtyConnection;
  /** The caller, as their token names them. */
  viewer: User;
};


export type QueryAuthorizationAuditArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuthorizationAuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAuthorizationCheckArgs = {
  epsId: Scalars['ID']['input'];
  locationId: Scalars['ID']['input'];
  on?: InputMaybe<Scalars['Date']['input']>;
  specialtyId: Scalars['ID']['input'];
};


export type QueryAuthorizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuthorizationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AuthorizationOrder>;
};


export type QueryBillingSummaryArgs = {
  from: Scalars['Date']['input'];
  socialWorkId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['Date']['input'];
};


export type QueryEpsListArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EpsFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryLocationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<LocationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryOrderByTokenArgs = {
  token: Scalars['String']['input'];
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPatientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PatientFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPractitionersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PractitionerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySocialWorksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SocialWorkFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySpecialtiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SpecialtyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** What a user may do. Ordered: ADMIN > STAFF > VIEWER. */
export type Role =
  /** Also keeps the catalogues (social works, EPS, authorizations) and users. */
  | 'ADMIN'
  /** Also registers patients and orders. */
  | 'STAFF'
  /** Reads everything. */
  | 'VIEWER';

/** A health insurer (obra social). */
export type SocialWork = Node & {
  __typename?: 'SocialWork';
  /** Null only while `contactPending` (registered by a SUAP import, which sends none). */
  address?: Maybe<Scalars['String']['output']>;
  /** SUAP ValorUnidadBioquimica. */
  biochemicalUnitValue?: Maybe<Scalars['Decimal']['output']>;
  /** The SUAP convenio token, e.g. "OS5". */
  code?: Maybe<Scalars['String']['output']>;
  /**
   * True for a social work first registered by a SUAP import: SUAP sends no address,
   * phone or webpage, so they are empty until an administrator sets all three.
   */
  contactPending: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** The row id ("obra social 12"). */
  databaseId: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** How many patients are affiliated. */
  patientCount: Scalars['Int']['output'];
  /** Its affiliated patients, by last name, first name, id. */
  patients: PatientConnection;
  /** Null only while `contactPending`. */
  phone?: Maybe<Scalars['String']['output']>;
  state: SocialWorkState;
  updatedAt: Scalars['DateTime']['output'];
  /** Null only while `contactPending`. */
  webpage?: Maybe<Scalars['String']['output']>;
};


/** A health insurer (obra social). */
export type SocialWorkPatientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type SocialWorkConnection = {
  __typename?: 'SocialWorkConnection';
  /** A list of edges. */
  edges: Array<SocialWorkEdge>;
  /** A list of nodes. */
  nodes: Array<SocialWork>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type SocialWorkEdge = {
  __typename?: 'SocialWorkEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: SocialWork;
};

export type SocialWorkFilter = {
  /** Only those still waiting for their contact data (or only complete ones). */
  contactPending?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * Name contains this, ignoring case and accents, taken literally (no wildcards). At most
   * 100 characters.
   */
  search?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<SocialWorkState>;
};

/** A write's outcome: the object, or the user's mistakes (nothing written). */
export type SocialWorkPayload = {
  __typename?: 'SocialWorkPayload';
  /** The changed object; null when nothing was written. */
  socialWork?: Maybe<SocialWork>;
  /** Every mistake in the input, each at its field; empty when the write happened. */
  userErrors: Array<UserError>;
};

/** Activa: accepted by the clinic. Inactiva: no new patients; existing ones keep it. */
export type SocialWorkState =
  | 'ACTIVE'
  | 'INACTIVE';

/** A medical specialty (Cardiología, Pediatría…). */
export type Specialty = Node & {
  __typename?: 'Specialty';
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  databaseId: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type SpecialtyConnection = {
  __typename?: 'SpecialtyConnection';
  /** A list of edges. */
  edges: Array<SpecialtyEdge>;
  /** A list of nodes. */
  nodes: Array<Specialty>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a connection. */
export type SpecialtyEdge = {
  __typename?: 'SpecialtyEdge';
  /** A cursor for use in pagination */
  cursor: Scalars['String']['output'];
  /** The item at the end of the edge */
  node: Specialty;
};

export type SpecialtyFilter = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * Name contains this, ignoring case and accents, taken literally (no wildcards). At most
   * 100 characters.
   */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A write's outcome: the object, or the user's mistakes (nothing written). */
export type SpecialtyPayload = {
  __typename?: 'SpecialtyPayload';
  /** The changed object; null when nothing was written. */
  specialty?: Maybe<Specialty>;
  /** Every mistake in the input, each at its field; empty when the write happened. */
  userErrors: Array<UserError>;
};

/** `id` plus the terms to change; the EPS, specialty and site cannot change. */
export type UpdateAuthorizationInput = {
  authorizationDate?: InputMaybe<Scalars['Date']['input']>;
  authorized?: InputMaybe<Scalars['Boolean']['input']>;
  copayPercentage?: InputMaybe<Scalars['Decimal']['input']>;
  expirationDate?: InputMaybe<Scalars['Date']['input']>;
  id: Scalars['ID']['input'];
  maxMonthlyAppointments?: InputMaybe<Scalars['Int']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  requiresPriorAuthorization?: InputMaybe<Scalars['Boolean']['input']>;
};

export type UpdateEpsInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  code?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateLocationInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  address?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};

/** `id` plus the fields to change; omitted fields stay as they are, null clears optional ones. */
export type UpdatePatientInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  affiliateNumber?: InputMaybe<Scalars['String']['input']>;
  birthDate?: InputMaybe<Scalars['Date']['input']>;
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  documentType?: InputMaybe<DocumentType>;
  email?: InputMaybe<Scalars['String']['input']>;
  /** Setting an EPS needs it active; null removes it. */
  epsId?: InputMaybe<Scalars['ID']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  gender?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  lastName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Moving to another social work needs that one to be active. */
  socialWorkId?: InputMaybe<Scalars['ID']['input']>;
};

/** `id` plus the fields to change; null clears an optional one. */
export type UpdatePractitionerInput = {
  /** As in `createPractitioner`; null clears the document (with `documentType`). */
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  /** As in `createPractitioner`; null clears the document (with `documentNumber`). */
  documentType?: InputMaybe<Scalars['String']['input']>;
  /** At most 200 characters; cannot be cleared. */
  fullName?: InputMaybe<Scalars['String']['input']>;
  /** The practitioner to correct. */
  id: Scalars['ID']['input'];
  /** At most 40 characters; unique. */
  nationalLicense?: InputMaybe<Scalars['String']['input']>;
  /** At most 40 characters; unique. */
  provincialLicense?: InputMaybe<Scalars['String']['input']>;
};

/** `id` plus the fields to change; omitted fields stay as they are. */
export type UpdateSocialWorkInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  biochemicalUnitValue?: InputMaybe<Scalars['Decimal']['input']>;
  code?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<SocialWorkState>;
  webpage?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateSpecialtyInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Someone who signs in to the back office. */
export type User = Node & {
  __typename?: 'User';
  databaseId: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  role: Role;
  username: Scalars['String']['output'];
};

export type UserError = {
  __typename?: 'UserError';
  /** Stable and machine-readable. */
  code: UserErrorCode;
  /** Path to the offending input field, relative to `input` (e.g. `["phone"]`). */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** Spanish, for the clinic's staff. */
  message: Scalars['String']['output'];
};

export type UserErrorCode =
  /** A referenced social work (or EPS) is not active. */
  | 'INACTIVE'
  /** Wrong username or password. */
  | 'INVALID_CREDENTIALS'
  /** A value has the wrong shape (phone characters, URL, document, email). */
  | 'INVALID_FORMAT'
  /** A value's length is outside its range (phone: 10 to 20 characters). */
  | 'INVALID_LENGTH'
  /** A number or date is out of range. */
  | 'INVALID_RANGE'
  /** The entity is still referenced and cannot be deleted. */
  | 'IN_USE'
  /** A referenced entity does not exist. */
  | 'NOT_FOUND'
  /** Too many failed attempts: wait before trying again. */
  | 'RATE_LIMITED'
  /** A required value is missing or blank. */
  | 'REQUIRED'
  /** SUAP's response reports an error (its STATUS); the message carries SUAP's own words. */
  | 'SUAP_ERROR'
  /** A unique value (name, code, document) is already used. */
  | 'TAKEN'
  /** A value is longer than allowed. */
  | 'TOO_LONG';

/** A write's outcome: the object, or the user's mistakes (nothing written). */
export type UserPayload = {
  __typename?: 'UserPayload';
  /** The changed object; null when nothing was written. */
  user?: Maybe<User>;
  /** Every mistake in the input, each at its field; empty when the write happened. */
  userErrors: Array<UserError>;
};

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { __typename?: 'Mutation', login: { __typename?: 'LoginPayload', token?: string | null, expiresAt?: string | null, user?: { __typename?: 'User', id: string, username: string, role: Role } | null, userErrors: Array<{ __typename?: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type PatientSearchPageQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PatientSearchPageQuery = { __typename?: 'Query', patients: { __typename?: 'PatientConnection', totalCount: number, nodes: Array<{ __typename?: 'Patient', id: string, fullName: string, documentType: DocumentType, documentNumber: string, affiliateNumber?: string | null, birthDate?: `${number}-${number}-${number}` | null, socialWork: { __typename?: 'SocialWork', id: string, name: string, state: SocialWorkState } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type CreatePatientMutationVariables = Exact<{
  input: CreatePatientInput;
}>;


export type CreatePatientMutation = { __typename?: 'Mutation', createPatient: { __typename?: 'PatientPayload', patient?: { __typename?: 'Patient', id: string, fullName: string, createdAt: string } | null, userErrors: Array<{ __typename?: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type BookingCheckQueryVariables = Exact<{
  epsId: Scalars['ID']['input'];
  specialtyId: Scalars['ID']['input'];
  locationId: Scalars['ID']['input'];
  on?: InputMaybe<Scalars['Date']['input']>;
}>;


export type BookingCheckQuery = { __typename?: 'Query', authorizationCheck: { __typename?: 'AuthorizationCheck', authorized: boolean, reason?: AuthorizationDenialReason | null, authorization?: { __typename?: 'Authorization', id: string, copayPercentage?: `${number}` | null, maxMonthlyAppointments?: number | null, requiresPriorAuthorization: boolean, expirationDate?: `${number}-${number}-${number}` | null } | null } };

export type OrderPageQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
}>;


export type OrderPageQuery = { __typename?: 'Query', orders: { __typename?: 'OrderConnection', totalCount: number, nodes: Array<{ __typename?: 'Order', id: string, token?: string | null, performedOn?: `${number}-${number}-${number}` | null, authorizationStatus: OrderAuthorizationStatus, billable: boolean, billableAmount: `${number}`, patient: { __typename?: 'Patient', id: string, fullName: string }, socialWork: { __typename?: 'SocialWork', name: string }, items: Array<{ __typename?: 'OrderItem', name: string, nomenclatorCode: string, authorizationStatus: OrderItemAuthorizationStatus, totalValue: `${number}`, copayValue?: `${number}` | null }> }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type BillingSummaryQueryVariables = Exact<{
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
}>;


export type BillingSummaryQuery = { __typename?: 'Query', billingSummary: Array<{ __typename?: 'BillingSummaryRow', orderCount: number, billableOrderCount: number, billableAmount: `${number}`, copayAmount: `${number}`, socialWork: { __typename?: 'SocialWork', id: string, name: string } }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    token
    expiresAt
    user {
      id
      username
      role
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const PatientSearchPageDocument = new TypedDocumentString(`
    query PatientSearchPage($search: String, $first: Int!, $after: String) {
  patients(first: $first, after: $after, filter: {search: $search}) {
    totalCount
    nodes {
      id
      fullName
      documentType
      documentNumber
      affiliateNumber
      birthDate
      socialWork {
        id
        name
        state
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<PatientSearchPageQuery, PatientSearchPageQueryVariables>;
export const CreatePatientDocument = new TypedDocumentString(`
    mutation CreatePatient($input: CreatePatientInput!) {
  createPatient(input: $input) {
    patient {
      id
      fullName
      createdAt
    }
    userErrors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreatePatientMutation, CreatePatientMutationVariables>;
export const BookingCheckDocument = new TypedDocumentString(`
    query BookingCheck($epsId: ID!, $specialtyId: ID!, $locationId: ID!, $on: Date) {
  authorizationCheck(
    epsId: $epsId
    specialtyId: $specialtyId
    locationId: $locationId
    on: $on
  ) {
    authorized
    reason
    authorization {
      id
      copayPercentage
      maxMonthlyAppointments
      requiresPriorAuthorization
      expirationDate
    }
  }
}
    `) as unknown as TypedDocumentString<BookingCheckQuery, BookingCheckQueryVariables>;
export const OrderPageDocument = new TypedDocumentString(`
    query OrderPage($first: Int!, $after: String, $filter: OrderFilter) {
  orders(first: $first, after: $after, filter: $filter) {
    totalCount
    nodes {
      id
      token
      performedOn
      authorizationStatus
      billable
      billableAmount
      patient {
        id
        fullName
      }
      socialWork {
        name
      }
      items {
        name
        nomenclatorCode
        authorizationStatus
        totalValue
        copayValue
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<OrderPageQuery, OrderPageQueryVariables>;
export const BillingSummaryDocument = new TypedDocumentString(`
    query BillingSummary($from: Date!, $to: Date!) {
  billingSummary(from: $from, to: $to) {
    socialWork {
      id
      name
    }
    orderCount
    billableOrderCount
    billableAmount
    copayAmount
  }
}
    `) as unknown as TypedDocumentString<BillingSummaryQuery, BillingSummaryQueryVariables>;