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
  /**
   * A time of day on the clinic's clock (`CLINIC_TIME_ZONE`), `HH:MM:SS`, 24-hour, no zone;
   * `HH:MM` is accepted as input.
   */
  LocalTime: { input: `${number}:${number}` | `${number}:${number}:${number}`; output: `${number}:${number}` | `${number}:${number}:${number}`; }
};

/**
 * A patient booked into a slot, under the agreement of the patient's EPS for the slot's
 * specialty and site, on the terms it had when booked.
 */
export type Appointment = Node & {
  __typename?: 'Appointment';
  /** Every change, newest first: booking, reschedules, cancellation, outcome. */
  auditTrail: Array<AppointmentAuditEntry>;
  /**
   * The agreement it was booked under (its terms may have changed since; this
   * appointment keeps `copayPercentage` as it was).
   */
  authorization: Authorization;
  /**
   * Who booked it; null when booked otherwise (SQL by hand) and, as in `node`, for other
   * users unless the caller is ADMIN.
   */
  bookedBy?: Maybe<User>;
  /** The agreement's copay when booked, 0 to 100; null when none was agreed. */
  copayPercentage?: Maybe<Scalars['Decimal']['output']>;
  /** When it was booked. */
  createdAt: Scalars['DateTime']['output'];
  /** The row id, for people ("cita 7"); arguments take the global `id`. */
  databaseId: Scalars['Int']['output'];
  /** The clinic's day. */
  day: Scalars['Date']['output'];
  /** When it ends. */
  endsAt: Scalars['DateTime']['output'];
  /** The patient's EPS when it was booked. */
  eps: Eps;
  /** Global ID (Relay): opaque, stable; use with `node(id:)`. */
  id: Scalars['ID']['output'];
  /** The site. */
  location: Location;
  /** Still booked in a slot whose block was cancelled: to reschedule or cancel. */
  needsRescheduling: Scalars['Boolean']['output'];
  /** The patient. */
  patient: Patient;
  /** The EPS's prior-authorization number, when given. */
  priorAuthorizationNumber?: Maybe<Scalars['String']['output']>;
  /** The slot it holds (or held, once cancelled). */
  slot: Slot;
  /** The specialty. */
  specialty: Specialty;
  /** When it starts. */
  startsAt: Scalars['DateTime']['output'];
  /** Where it stands. */
  status: AppointmentStatus;
  /** When it last changed (`auditTrail` says how, and who changed it). */
  updatedAt: Scalars['DateTime']['output'];
};

/**
 * One change of an appointment, recorded by the database whoever made it (through the API
 * or by hand in SQL). Entries are never changed or removed.
 */
export type AppointmentAuditEntry = {
  __typename?: 'AppointmentAuditEntry';
  /** What the change did. */
  action: AuditAction;
  /** When the change was made (the start of its transaction). */
  changedAt: Scalars['DateTime']['output'];
  /**
   * Null for changes made outside the service (by hand in SQL), and, as in `node`, for
   * other users unless the caller is ADMIN.
   */
  changedBy?: Maybe<User>;
  /** Fields whose value changed, named as in `oldData` and `newData`. */
  changedFields: Array<Scalars['String']['output']>;
  /** The appointment after the change (null for a deletion by hand), as `oldData`. */
  newData?: Maybe<Scalars['JSON']['output']>;
  /**
   * The appointment before the change (null for a booking), with the schema's field
   * names (`slotId`, `status`…) and global IDs.
   */
  oldData?: Maybe<Scalars['JSON']['output']>;
};

/**
 * One page of `Appointment` items, a Relay cursor connection: read `nodes` (or `edges`,
 * with each item's cursor), `pageInfo` to move on, `totalCount` for every match.
 * `first`/`last` take 1 to 100 (default 20).
 */
export type AppointmentConnection = {
  __typename?: 'AppointmentConnection';
  /** This page's items in order, each with its cursor (to page from that item). */
  edges: Array<AppointmentEdge>;
  /** This page's items in order: the nodes of `edges`, without their cursors. */
  nodes: Array<Appointment>;
  /** Whether more items lie on either side of this page, and the cursors to get them. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of `AppointmentConnection`: one `Appointment` and its cursor. */
export type AppointmentEdge = {
  __typename?: 'AppointmentEdge';
  /**
   * Opaque position of this item in the list: pass it as `after` (or `before`)
   * for the items after (or before) it, with the same arguments and filter.
   */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Appointment;
};

/** Which appointments `appointments` lists; every condition given must hold. */
export type AppointmentFilterInput = {
  /** Only those booked under this EPS. */
  epsId?: InputMaybe<Scalars['ID']['input']>;
  /** Only on or after this day. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Only at this site. */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  /** Only those still booked in a cancelled block (true), or all others (false). */
  needsRescheduling?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only this patient's. */
  patientId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this specialty's. */
  specialtyId?: InputMaybe<Scalars['ID']['input']>;
  /** Only in these states (1 to 4 of them). */
  status?: InputMaybe<Array<AppointmentStatus>>;
  /** Only on or before this day. */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** A write's outcome: the object, or the user's mistakes (nothing written). */
export type AppointmentPayload = {
  __typename?: 'AppointmentPayload';
  /** The changed object; null when nothing was written. */
  appointment?: Maybe<Appointment>;
  /** Every mistake in the input, each at its field; empty when the write happened. */
  userErrors: Array<UserError>;
};

/** The appointment whose state changes. */
export type AppointmentStateInput = {
  /** The booked appointment's global ID. */
  id: Scalars['ID']['input'];
};

/** Where an appointment stands. */
export type AppointmentStatus =
  /** The patient was seen: still counts against the quota. Final. */
  | 'ATTENDED'
  /** Booked: holds a place in its slot and a unit of its agreement's monthly quota. */
  | 'BOOKED'
  /** Cancelled: its place and its quota unit are free again. Final. */
  | 'CANCELLED'
  /** The patient did not come: frees its quota unit. Final. */
  | 'NO_SHOW';

/** What a change did to an audited entity (an authorization, an appointment). */
export type AuditAction =
  /** It was created: `oldData` is null. */
  | 'CREATED'
  /** It was deleted (also by a TRUNCATE by hand): `newData` is null. */
  | 'DELETED'
  /**
   * Some of its fields changed (`changedFields`); a write that changes nothing is not
   * recorded.
   */
  | 'UPDATED';

/**
 * One change of an authorization, recorded by the database whoever made it (through the API
 * or by hand in SQL). Entries are never changed or removed, and outlive their authorization.
 */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** What the change did. */
  action: AuditAction;
  /** The authorization as it is now; null once deleted. */
  authorization?: Maybe<Authorization>;
  /**
   * The global ID of the authorization changed; it stays valid as a filter of
   * `authorizationAudit` after the authorization is deleted.
   */
  authorizationId: Scalars['ID']['output'];
  /** When the change was made (the start of its transaction). */
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

/**
 * One page of `AuditEntry` items, a Relay cursor connection: read `nodes` (or `edges`,
 * with each item's cursor), `pageInfo` to move on, `totalCount` for every match.
 * `first`/`last` take 1 to 100 (default 20).
 */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** This page's items in order, each with its cursor (to page from that item). */
  edges: Array<AuditEntryEdge>;
  /** This page's items in order: the nodes of `edges`, without their cursors. */
  nodes: Array<AuditEntry>;
  /** Whether more items lie on either side of this page, and the cursors to get them. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of `AuditEntryConnection`: one `AuditEntry` and its cursor. */
export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  /**
   * Opaque position of this item in the list: pass it as `after` (or `before`)
   * for the items after (or before) it, with the same arguments and filter.
   */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: AuditEntry;
};

/** May an EPS be seen for a specialty at a site, and on what terms. */
export type Authorization = Node & {
  __typename?: 'Authorization';
  /** Every change, newest first (`authorizationAudit` reads it after a deletion too). */
  auditTrail: Array<AuditEntry>;
  /** First valid day; null: since always. */
  authorizationDate?: Maybe<Scalars['Date']['output']>;
  /** False: suspended (`SUSPENDED`), whatever its dates. */
  authorized: Scalars['Boolean']['output'];
  /** Copay, 0 to 100 with two decimals; null: not agreed (0 is no copay). */
  copayPercentage?: Maybe<Scalars['Decimal']['output']>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * The user who created it through the API; null when it was created otherwise (demo
   * data, SQL by hand) or that user no longer exists.
   */
  createdBy?: Maybe<User>;
  /** The row id, for people ("autorización 7"); arguments take the global `id`. */
  databaseId: Scalars['Int']['output'];
  /** The EPS the agreement is with. */
  eps: Eps;
  /** Last valid day; null: no end. */
  expirationDate?: Maybe<Scalars['Date']['output']>;
  /** Global ID (Relay): opaque, stable; use with `node(id:)`. */
  id: Scalars['ID']['output'];
  /**
   * Valid today (the clinic's date): authorized, within its dates, and its EPS, specialty
   * and site active.
   */
  isCurrentlyValid: Scalars['Boolean']['output'];
  /** The site where it applies. */
  location: Location;
  /** Monthly quota of appointments; null: no quota (0 is a quota of zero). */
  maxMonthlyAppointments?: Maybe<Scalars['Int']['output']>;
  /** Free text for staff ("Convenio renovado"), at most 2000 characters; null when none. */
  notes?: Maybe<Scalars['String']['output']>;
  /**
   * The EPS must authorize each appointment beforehand. Recorded for staff: validity and
   * `authorizationCheck` do not weigh it.
   */
  requiresPriorAuthorization: Scalars['Boolean']['output'];
  /** The specialty it covers. */
  specialty: Specialty;
  /** When its terms last changed (`auditTrail` says which, and who changed them). */
  updatedAt: Scalars['DateTime']['output'];
};

/** Which entries `authorizationAudit` lists; every condition given must hold. */
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

/** The answer of `authorizationCheck`: whether the EPS may be seen, and if not, why. */
export type AuthorizationCheck = {
  __typename?: 'AuthorizationCheck';
  /** The agreement, when there is one (valid or not). */
  authorization?: Maybe<Authorization>;
  /** True when an agreement exists and is valid on the day (then `reason` is null). */
  authorized: Scalars['Boolean']['output'];
  /** Why not; null when authorized. */
  reason?: Maybe<AuthorizationDenialReason>;
  /**
   * Appointments the agreement's monthly quota still allows in the month of the day
   * asked about (booked and attended ones count); null when there is no agreement or its
   * quota is unlimited. 0 when used up (or when the quota is 0).
   */
  remainingQuota?: Maybe<Scalars['Int']['output']>;
};

/**
 * One page of `Authorization` items, a Relay cursor connection: read `nodes` (or `edges`,
 * with each item's cursor), `pageInfo` to move on, `totalCount` for every match.
 * `first`/`last` take 1 to 100 (default 20).
 */
export type AuthorizationConnection = {
  __typename?: 'AuthorizationConnection';
  /** This page's items in order, each with its cursor (to page from that item). */
  edges: Array<AuthorizationEdge>;
  /** This page's items in order: the nodes of `edges`, without their cursors. */
  nodes: Array<Authorization>;
  /** Whether more items lie on either side of this page, and the cursors to get them. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/**
 * Why an EPS may not be seen for a specialty at a site on a day. When several apply, the
 * first in this order: NO_AGREEMENT, EPS_INACTIVE, SPECIALTY_INACTIVE, LOCATION_INACTIVE,
 * SUSPENDED, NOT_YET_VALID, EXPIRED.
 */
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

/** An edge of `AuthorizationConnection`: one `Authorization` and its cursor. */
export type AuthorizationEdge = {
  __typename?: 'AuthorizationEdge';
  /**
   * Opaque position of this item in the list: pass it as `after` (or `before`)
   * for the items after (or before) it, with the same arguments and filter.
   */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Authorization;
};

/** Which authorizations `authorizations` lists; every condition given must hold. */
export type AuthorizationFilter = {
  /** Only agreements in force (true) or suspended (false), whatever their dates. */
  authorized?: InputMaybe<Scalars['Boolean']['input']>;
  /** Valid today (true) or not (false). */
  currentlyValid?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only agreements with this EPS. */
  epsId?: InputMaybe<Scalars['ID']['input']>;
  /**
   * Valid today and expiring on or before this day: the expiry worklist (order it by
   * `EXPIRATION_DATE` for soonest first).
   */
  expiringBy?: InputMaybe<Scalars['Date']['input']>;
  /** Only agreements at this site. */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  /** Only agreements for this specialty. */
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

/**
 * A block of time at a site for a specialty (optionally one practitioner's), cut into slots
 * of `slotMinutes`, each with `capacity` places. Its terms never change: cancel it and open
 * another.
 */
export type Availability = Node & {
  __typename?: 'Availability';
  /**
   * The appointments still booked in it, soonest first: once the block is cancelled, the
   * ones to reschedule (`rescheduleAppointment`) or cancel; a cancellation never drops them.
   */
  bookedAppointments: Array<Appointment>;
  /** Cancelled: its slots take no more bookings. */
  cancelled: Scalars['Boolean']['output'];
  /** When it was cancelled; null while it is open. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Patients per slot. */
  capacity: Scalars['Int']['output'];
  /** When it was opened. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * The administrator who opened it; null when opened otherwise (demo data, SQL) and, as
   * in `node`, for other users unless the caller is ADMIN.
   */
  createdBy?: Maybe<User>;
  /** The row id, for people ("bloque 7"); arguments take the global `id`. */
  databaseId: Scalars['Int']['output'];
  /** The day (the clinic's calendar). */
  day: Scalars['Date']['output'];
  /** When the block ends; the last slot ends at or before it. */
  endTime: Scalars['LocalTime']['output'];
  /** Global ID (Relay): opaque, stable; use with `node(id:)`. */
  id: Scalars['ID']['output'];
  /** The site. */
  location: Location;
  /** The practitioner who sees the patients; null when the block is the specialty's. */
  practitioner?: Maybe<Practitioner>;
  /** Length of each slot, in minutes. */
  slotMinutes: Scalars['Int']['output'];
  /** Its slots, in time order (at most 288: a whole day of 5-minute slots). */
  slots: Array<Slot>;
  /** The specialty offered. */
  specialty: Specialty;
  /** When the first slot starts (the clinic's clock). */
  startTime: Scalars['LocalTime']['output'];
};

/**
 * One page of `Availability` items, a Relay cursor connection: read `nodes` (or `edges`,
 * with each item's cursor), `pageInfo` to move on, `totalCount` for every match.
 * `first`/`last` take 1 to 100 (default 20).
 */
export type AvailabilityConnection = {
  __typename?: 'AvailabilityConnection';
  /** This page's items in order, each with its cursor (to page from that item). */
  edges: Array<AvailabilityEdge>;
  /** This page's items in order: the nodes of `edges`, without their cursors. */
  nodes: Array<Availability>;
  /** Whether more items lie on either side of this page, and the cursors to get them. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of `AvailabilityConnection`: one `Availability` and its cursor. */
export type AvailabilityEdge = {
  __typename?: 'AvailabilityEdge';
  /**
   * Opaque position of this item in the list: pass it as `after` (or `before`)
   * for the items after (or before) it, with the same arguments and filter.
   */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Availability;
};

/** Which blocks `availabilities` lists; every condition given must hold. */
export type AvailabilityFilterInput = {
  /** Only cancelled blocks (true) or open ones (false). */
  cancelled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only blocks on or after this day. */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Only blocks at this site. */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  /** Only blocks of this practitioner. */
  practitionerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only blocks of this specialty. */
  specialtyId?: InputMaybe<Scalars['ID']['input']>;
  /** Only blocks on or before this day. */
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** A write's outcome: the object, or the user's mistakes (nothing written). */
export type AvailabilityPayload = {
  __typename?: 'AvailabilityPayload';
  /** The changed object; null when nothing was written. */
  availability?: Maybe<Availability>;
  /** Every mistake in the input, each at its field; empty when the write happened. */
  userErrors: Array<UserError>;
};

/** What became of one item of `createAuthorizations`. */
export type BatchItemResult = {
  __typename?: 'BatchItemResult';
  /** The created authorization; null if this item, or (when atomic) any item, failed. */
  authorization?: Maybe<Authorization>;
  /** Position of the item in `items`. */
  index: Scalars['Int']['output'];
  /**
   * This item's mistakes, at its fields (`["epsId"]`…); empty when the item was valid,
   * even if an atomic batch was not written for another item's.
   */
  userErrors: Array<UserError>;
};

/**
 * One social work's line of `billingSummary`: its orders consumed in the period. Only social
 * works with such orders have a line; lines come by social work name.
 */
export type BillingSummaryRow = {
  __typename?: 'BillingSummaryRow';
  /** Sum of their billable items' values (each order's `billableAmount`), in pesos. */
  billableAmount: Scalars['Decimal']['output'];
  /** Of those, the orders with at least one billable item. */
  billableOrderCount: Scalars['Int']['output'];
  /** Sum of their billable copays (each order's `billableCopayAmount`), in pesos. */
  copayAmount: Scalars['Decimal']['output'];
  /** Orders consumed in the period, billable or not. */
  orderCount: Scalars['Int']['output'];
  /** The social work billed. */
  socialWork: SocialWork;
};

/**
 * A booking: a patient with a known EPS, a free slot, and the EPS's prior-authorization
 * number when the agreement requires one.
 */
export type BookAppointmentInput = {
  /** The patient (a `Patient`'s global ID); their EPS must be recorded. */
  patientId: Scalars['ID']['input'];
  /**
   * The EPS's prior-authorization number, up to 40 characters; required
   * (`PRIOR_AUTHORIZATION_REQUIRED`) when the agreement says so. Blank is none.
   */
  priorAuthorizationNumber?: InputMaybe<Scalars['String']['input']>;
  /** The slot (a `Slot`'s global ID, from `availableSlots`). */
  slotId: Scalars['ID']['input'];
};

/** The block to cancel. */
export type CancelAvailabilityInput = {
  /** The block's global ID. */
  id: Scalars['ID']['input'];
};

/** Which order `cancelOrder` cancels. */
export type CancelOrderInput = {
  /** The order's global ID. */
  id: Scalars['ID']['input'];
};

/**
 * An agreement: this EPS may be seen for this specialty at this site, on these terms. One
 * per EPS, specialty and site (`TAKEN`).
 */
export type CreateAuthorizationInput = {
  /** First valid day; null: valid since always. */
  authorizationDate?: InputMaybe<Scalars['Date']['input']>;
  /** False records the agreement suspended. */
  authorized?: Scalars['Boolean']['input'];
  /** 0 to 100, at most two decimals; null when not agreed. */
  copayPercentage?: InputMaybe<Scalars['Decimal']['input']>;
  /** An existing EPS (active or not). */
  epsId: Scalars['ID']['input'];
  /** Last valid day, not before `authorizationDate`; null: no end. */
  expirationDate?: InputMaybe<Scalars['Date']['input']>;
  /** An existing site (active or not). */
  locationId: Scalars['ID']['input'];
  /** 0 or more; null for no quota. */
  maxMonthlyAppointments?: InputMaybe<Scalars['Int']['input']>;
  /** Free text for staff, at most 2000 characters; blank is none. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** The EPS must authorize each appointment beforehand (recorded for staff). */
  requiresPriorAuthorization?: Scalars['Boolean']['input'];
  /** An existing specialty (active or not). */
  specialtyId: Scalars['ID']['input'];
};

/** Agreements to create together, and whether a mistake in one stops them all. */
export type CreateAuthorizationsInput = {
  /** True: all items are written or none. False: every valid item is written. */
  atomic?: Scalars['Boolean']['input'];
  /** 1 to 250 authorizations. */
  items: Array<CreateAuthorizationInput>;
};

/** The outcome of `createAuthorizations`: counts, and each item's result. */
export type CreateAuthorizationsPayload = {
  __typename?: 'CreateAuthorizationsPayload';
  /** Authorizations written. */
  created: Scalars['Int']['output'];
  /** Items with user errors. */
  failed: Scalars['Int']['output'];
  /** One per item, in the order of `items`. */
  results: Array<BatchItemResult>;
};

/**
 * A block to open: a day, a start and end on the clinic's clock, the slot length and the
 * places per slot.
 */
export type CreateAvailabilityInput = {
  /** Patients per slot, 1 to 100. */
  capacity?: Scalars['Int']['input'];
  /** From today to two years ahead. */
  day: Scalars['Date']['input'];
  /** When the block ends, after `startTime` on the same day. */
  endTime: Scalars['LocalTime']['input'];
  /** The site. */
  locationId: Scalars['ID']['input'];
  /**
   * The practitioner, when the block is one person's; a practitioner's open blocks never
   * overlap (`OVERLAP`).
   */
  practitionerId?: InputMaybe<Scalars['ID']['input']>;
  /** Length of each slot, 5 to 480 minutes; the block holds at least one. */
  slotMinutes: Scalars['Int']['input'];
  /**
   * The specialty offered; some EPS must be authorized for it at the site that day
   * (`NOT_AUTHORIZED` otherwise).
   */
  specialtyId: Scalars['ID']['input'];
  /** When the first slot starts. */
  startTime: Scalars['LocalTime']['input'];
};

/** A new EPS. Texts are trimmed. */
export type CreateEpsInput = {
  /**
   * False registers it inactive: no authorization of it is valid, no new patient may
   * name it.
   */
  active?: Scalars['Boolean']['input'];
  /** The insurer's own code: 1 to 20 letters, digits and dashes; unique ignoring case. */
  code: Scalars['String']['input'];
  /** Required, at most 100 characters; unique ignoring case, accents and repeated spaces. */
  name: Scalars['String']['input'];
};

/** A new site. Texts are trimmed. */
export type CreateLocationInput = {
  /** False registers it inactive: no authorization at it is valid. */
  active?: Scalars['Boolean']['input'];
  /** Postal address; required, at most 200 characters. */
  address: Scalars['String']['input'];
  /** Required, at most 100 characters; unique ignoring case, accents and repeated spaces. */
  name: Scalars['String']['input'];
};

/**
 * An order registered by staff (not through SUAP: it has no `token`). Texts are trimmed; an
 * optional one left blank is none.
 */
export type CreateOrderInput = {
  /** The state in words, at most 2000 characters. */
  authorizationMessage?: InputMaybe<Scalars['String']['input']>;
  /** The order's SUAP state. */
  authorizationStatus?: OrderAuthorizationStatus;
  /**
   * When the insurer authorized it: the consumption date `billingSummary` counts it on.
   * Null: not consumed, in no billing summary.
   */
  authorizedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The provider's branch, at most 100 characters. */
  branch?: InputMaybe<Scalars['String']['input']>;
  /** The diagnosis as text, at most 2000 characters. */
  diagnosisText?: InputMaybe<Scalars['String']['input']>;
  /** True: a draft, never billable. */
  draft?: Scalars['Boolean']['input'];
  /** 1 to 500 practices. */
  items: Array<CreateOrderItemInput>;
  /** Remarks, at most 2000 characters. */
  observations?: InputMaybe<Scalars['String']['input']>;
  /** The ticket's order number, at most 40 characters. */
  orderNumber?: InputMaybe<Scalars['String']['input']>;
  /** The patient seen. */
  patientId: Scalars['ID']['input'];
  /** The day the service was performed. */
  performedOn?: InputMaybe<Scalars['Date']['input']>;
  /** The clinic's site where it was served. */
  pointOfCareId?: InputMaybe<Scalars['ID']['input']>;
  /** The date on the prescription. */
  prescribedOn?: InputMaybe<Scalars['Date']['input']>;
  /** The practitioner who prescribed it (a `Practitioner`'s global ID). */
  prescriberId?: InputMaybe<Scalars['ID']['input']>;
  /** The practitioner who performed it (a `Practitioner`'s global ID). */
  providerId?: InputMaybe<Scalars['ID']['input']>;
  /** Default: the patient's social work. */
  socialWorkId?: InputMaybe<Scalars['ID']['input']>;
  /**
   * CONSUMPTION (default) for a billable consumption; OTHER for anything else (kept as
   * `suapType` "OTHER", never billable).
   */
  type?: OrderType;
  /** Verified for closing a period (informational). */
  verified?: Scalars['Boolean']['input'];
};

/** One practice of a new order (SUAP itemsOrden). Texts are trimmed. */
export type CreateOrderItemInput = {
  /** The state in words, at most 2000 characters; blank is none. */
  authorizationMessage?: InputMaybe<Scalars['String']['input']>;
  /** The practice's SUAP state. */
  authorizationStatus?: OrderItemAuthorizationStatus;
  /**
   * The practice's copay in pesos, as `totalValue`; null when the agreement computes none
   * per practice.
   */
  copayValue?: InputMaybe<Scalars['Decimal']['input']>;
  /** The practice's name; required, at most 300 characters. */
  name: Scalars['String']['input'];
  /** The nomenclator's name, at most 100 characters. */
  nomenclator: Scalars['String']['input'];
  /** The practice's code in the agreed nomenclator; required, at most 40 characters. */
  nomenclatorCode: Scalars['String']['input'];
  /** The practice's value in pesos: 0 or more, at most 12 integer digits and two decimals. */
  totalValue: Scalars['Decimal']['input'];
};

/** A new patient. Texts are trimmed; an optional one left blank is none. */
export type CreatePatientInput = {
  /** Postal address, at most 200 characters. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** The number on the insurer's card, as printed, at most 40 characters. */
  affiliateNumber?: InputMaybe<Scalars['String']['input']>;
  /** From 1900-01-01 to today. */
  birthDate?: InputMaybe<Scalars['Date']['input']>;
  /**
   * As typed: dots, dashes, slashes and spaces are dropped, letters upper-cased; then 4 to
   * 20 letters and digits. Unique per document type (`TAKEN`).
   */
  documentNumber: Scalars['String']['input'];
  /** The kind of identity document. */
  documentType: DocumentType;
  /** Shaped `name@domain.tld`, at most 200 characters. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** An existing, active EPS. */
  epsId?: InputMaybe<Scalars['ID']['input']>;
  /** Required, at most 100 characters. */
  firstName: Scalars['String']['input'];
  /** Free text, at most 30 characters. */
  gender?: InputMaybe<Scalars['String']['input']>;
  /** Required, at most 100 characters. */
  lastName: Scalars['String']['input'];
  /** 10 to 20 characters: digits, spaces, `-` and `+`. */
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

/** A new social work, registered ACTIVE with its contact data complete. */
export type CreateSocialWorkInput = {
  /** Postal address; required, at most 200 characters. */
  address: Scalars['String']['input'];
  /** SUAP ValorUnidadBioquimica, in pesos: 0 or more, at most 4 decimals. */
  biochemicalUnitValue?: InputMaybe<Scalars['Decimal']['input']>;
  /** SUAP convenio token, "OS" and 1 to 9 digits (e.g. "OS5"); unique. Blank is none. */
  code?: InputMaybe<Scalars['String']['input']>;
  /**
   * Required, at most 100 characters (surrounding spaces are dropped); unique ignoring
   * case, accents and repeated spaces.
   */
  name: Scalars['String']['input'];
  /** 10 to 20 characters: digits, spaces, `-` and `+`. */
  phone: Scalars['String']['input'];
  /**
   * An http(s) URL, at most 200 characters; typed without a scheme
   * ("www.osde.com.ar"), it is stored as `https://…`.
   */
  webpage: Scalars['String']['input'];
};

/** A new specialty. The name is trimmed. */
export type CreateSpecialtyInput = {
  /** False registers it inactive: no authorization for it is valid. */
  active?: Scalars['Boolean']['input'];
  /** Required, at most 100 characters; unique ignoring case, accents and repeated spaces. */
  name: Scalars['String']['input'];
};

/** A local account, who signs in with `login`. */
export type CreateUserInput = {
  /** At least 10 characters; stored only as an Argon2 hash. */
  password: Scalars['String']['input'];
  /** What the user may do. */
  role: Role;
  /**
   * Letters, digits and `. _ @ -`, at most 60 characters (surrounding spaces are dropped);
   * unique ignoring case.
   */
  username: Scalars['String']['input'];
};

/** Which entity a `delete…` mutation removes. */
export type DeleteInput = {
  /** Global ID of the entity to delete. */
  id: Scalars['ID']['input'];
};

/** A delete's outcome: the ID it removed, or why nothing was removed. */
export type DeletePayload = {
  __typename?: 'DeletePayload';
  /** The global ID of the deleted entity; null when nothing was deleted. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /**
   * Why nothing was deleted: `NOT_FOUND` (no such entity) or `IN_USE` (still referenced);
   * empty when the delete happened.
   */
  userErrors: Array<UserError>;
};

/**
 * The kind of a patient's identity document: Argentine (DNI, LE, LC), Colombian (CC, TI,
 * CE), or either (CI, PASSPORT).
 */
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
  /** Passport, of any country. */
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
  /**
   * The insurer's own code (FAMISANAR: 2718): 1 to 20 letters, digits and dashes; unique
   * ignoring case.
   */
  code: Scalars['String']['output'];
  /** When the EPS was registered. */
  createdAt: Scalars['DateTime']['output'];
  /** The row id, for people ("EPS 12"); arguments take the global `id`. */
  databaseId: Scalars['Int']['output'];
  /** Global ID (Relay): opaque, stable; use with `node(id:)`. */
  id: Scalars['ID']['output'];
  /**
   * Display name ("FAMISANAR"), at most 100 characters; unique ignoring case, accents and
   * repeated spaces.
   */
  name: Scalars['String']['output'];
  /**
   * How many specialties this EPS has agreements for but none valid on the day (default
   * today) at any site: coverage that lapsed, was suspended or lost its EPS, specialty or
   * sites. Specialties never agreed are not counted.
   */
  specialtiesWithoutValidAgreement: Scalars['Int']['output'];
  /** When its name, code or active flag last changed. */
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

/**
 * One page of `Eps` items, a Relay cursor connection: read `nodes` (or `edges`,
 * with each item's cursor), `pageInfo` to move on, `totalCount` for every match.
 * `first`/`last` take 1 to 100 (default 20).
 */
export type EpsConnection = {
  __typename?: 'EpsConnection';
  /** This page's items in order, each with its cursor (to page from that item). */
  edges: Array<EpsEdge>;
  /** This page's items in order: the nodes of `edges`, without their cursors. */
  nodes: Array<Eps>;
  /** Whether more items lie on either side of this page, and the cursors to get them. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of `EpsConnection`: one `Eps` and its cursor. */
export type EpsEdge = {
  __typename?: 'EpsEdge';
  /**
   * Opaque position of this item in the list: pass it as `after` (or `before`)
   * for the items after (or before) it, with the same arguments and filter.
   */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Eps;
};

/** Which EPS `epsList` lists; every condition given must hold. */
export type EpsFilter = {
  /** Only active (true), or only inactive (false), EPS. */
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

/** A SUAP order to import, as SUAP's web service returns it. */
export type ImportSuapOrderInput = {
  /**
   * The RENDER section of a SUAP order, with SUAP's field names; or SUAP's whole response
   * (`REST`, `RENDER`, `STATUS`, `VIEW`), whose RENDER is read only when its `STATUS.ERROR`
   * is empty (else `SUAP_ERROR`).
   */
  render: Scalars['JSON']['input'];
};

/** A site (sede) of the clinic. */
export type Location = Node & {
  __typename?: 'Location';
  /**
   * Open for bookings. Inactive: no authorization at this site is valid
   * (`LOCATION_INACTIVE`).
   */
  active: Scalars['Boolean']['output'];
  /** Postal address, at most 200 characters. */
  address: Scalars['String']['output'];
  /** When the site was registered. */
  createdAt: Scalars['DateTime']['output'];
  /** The row id, for people ("sede 1"); arguments take the global `id`. */
  databaseId: Scalars['Int']['output'];
  /** Global ID (Relay): opaque, stable; use with `node(id:)`. */
  id: Scalars['ID']['output'];
  /**
   * Display name ("Sede San Gil"), at most 100 characters; unique ignoring case, accents
   * and repeated spaces.
   */
  name: Scalars['String']['output'];
  /** When its name, address or active flag last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/**
 * One page of `Location` items, a Relay cursor connection: read `nodes` (or `edges`,
 * with each item's cursor), `pageInfo` to move on, `totalCount` for every match.
 * `first`/`last` take 1 to 100 (default 20).
 */
export type LocationConnection = {
  __typename?: 'LocationConnection';
  /** This page's items in order, each with its cursor (to page from that item). */
  edges: Array<LocationEdge>;
  /** This page's items in order: the nodes of `edges`, without their cursors. */
  nodes: Array<Location>;
  /** Whether more items lie on either side of this page, and the cursors to get them. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of `LocationConnection`: one `Location` and its cursor. */
export type LocationEdge = {
  __typename?: 'LocationEdge';
  /**
   * Opaque position of this item in the list: pass it as `after` (or `before`)
   * for the items after (or before) it, with the same arguments and filter.
   */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Location;
};

/** Which sites `locations` lists; every condition given must hold. */
export type LocationFilter = {
  /** Only active (true), or only inactive (false), sites. */
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

/** A local account's credentials. */
export type LoginInput = {
  /** The account's password, exactly as set. */
  password: Scalars['String']['input'];
  /** The account's username, ignoring case and surrounding spaces. */
  username: Scalars['String']['input'];
};

/** A login's outcome: a token and its user, or why not. */
export type LoginPayload = {
  __typename?: 'LoginPayload';
  /** When `token` stops being accepted; null when the login was refused. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** A bearer token for the `Authorization` header. */
  token?: Maybe<Scalars['String']['output']>;
  /** The user signed in; null when the login was refused. */
  user?: Maybe<User>;
  /**
   * `INVALID_CREDENTIALS` (wrong username or password, without saying which) or
   * `RATE_LIMITED`, with no `field`; empty when the login succeeded.
   */
  userErrors: Array<UserError>;
};

/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Books a patient into a slot. Refused, with nothing written, when the slot is full
   * (`SLOT_FULL`), its block cancelled (`INACTIVE`) or already started (`INVALID_RANGE`);
   * the patient has no EPS (`REQUIRED`), or it may not be seen for the slot's specialty
   * and site on its day (`NOT_AUTHORIZED`, the message saying why, as
   * `authorizationCheck`'s reason); the agreement's quota for the month is used up
   * (`QUOTA_EXHAUSTED`); a prior authorization is missing (`PRIOR_AUTHORIZATION_REQUIRED`);
   * the patient has another appointment then (`OVERLAP`). STAFF or ADMIN.
   */
  bookAppointment: AppointmentPayload;
  /**
   * Cancels a booked appointment: its place and its quota unit are free again. Cancelling
   * a cancelled one again changes nothing (a retried request); an attended or missed one
   * cannot be cancelled (`INVALID_STATE`). STAFF or ADMIN.
   */
  cancelAppointment: AppointmentPayload;
  /**
   * Cancels a block: its slots take no more bookings. Its booked appointments stay booked
   * and are listed in `bookedAppointments` (and by `appointments(filter:
   * {needsRescheduling: true})`) to be rescheduled or cancelled. Cancelling twice keeps
   * the first cancellation. ADMIN.
   */
  cancelAvailability: AvailabilityPayload;
  /** Marks an order cancelled by the provider: never billable again. STAFF or ADMIN. */
  cancelOrder: OrderPayload;
  /** Creates one authorization. ADMIN. */
  createAuthorization: AuthorizationPayload;
  /**
   * Creates 1 to 250 authorizations in one transaction, reporting each item's outcome.
   * ADMIN.
   */
  createAuthorizations: CreateAuthorizationsPayload;
  /** Opens a block of slots. ADMIN. */
  createAvailability: AvailabilityPayload;
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
  /**
   * Deletes an authorization; its audit trail stays. Refused (`IN_USE`) once appointments
   * were booked under it, whatever became of them: suspend it instead (`authorized:
   * false`). ADMIN.
   */
  deleteAuthorization: DeletePayload;
  /** Deletes an EPS nothing references (else `IN_USE`: deactivate it instead). ADMIN. */
  deleteEps: DeletePayload;
  /**
   * Deletes a site no authorization or order references (else `IN_USE`: deactivate it
   * instead). ADMIN.
   */
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
  /**
   * Records that the patient was seen (it keeps counting against the quota), from the
   * appointment's day on. Only a booked appointment (`INVALID_STATE`); marking it again the
   * same way changes nothing. STAFF or ADMIN.
   */
  markAppointmentAttended: AppointmentPayload;
  /**
   * Records that the patient did not come (its place and quota unit are freed), from the
   * appointment's day on. Only a booked appointment (`INVALID_STATE`); marking it again the
   * same way changes nothing. STAFF or ADMIN.
   */
  markAppointmentNoShow: AppointmentPayload;
  /**
   * Moves a booked appointment to another slot: the new slot is judged as a booking
   * (same errors as `bookAppointment`) and taken, and the old one freed, or nothing
   * changes. The terms (agreement, copay) become those of the new slot's day. STAFF or
   * ADMIN.
   */
  rescheduleAppointment: AppointmentPayload;
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


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationBookAppointmentArgs = {
  input: BookAppointmentInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationCancelAppointmentArgs = {
  input: AppointmentStateInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationCancelAvailabilityArgs = {
  input: CancelAvailabilityInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationCancelOrderArgs = {
  input: CancelOrderInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationCreateAuthorizationArgs = {
  input: CreateAuthorizationInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationCreateAuthorizationsArgs = {
  input: CreateAuthorizationsInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationCreateAvailabilityArgs = {
  input: CreateAvailabilityInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationCreateEpsArgs = {
  input: CreateEpsInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationCreateLocationArgs = {
  input: CreateLocationInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationCreateOrderArgs = {
  input: CreateOrderInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationCreatePatientArgs = {
  input: CreatePatientInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationCreatePractitionerArgs = {
  input: CreatePractitionerInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationCreateSocialWorkArgs = {
  input: CreateSocialWorkInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationCreateSpecialtyArgs = {
  input: CreateSpecialtyInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationDeleteAuthorizationArgs = {
  input: DeleteInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationDeleteEpsArgs = {
  input: DeleteInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationDeleteLocationArgs = {
  input: DeleteInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationDeleteSocialWorkArgs = {
  input: DeleteInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationDeleteSpecialtyArgs = {
  input: DeleteInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationImportSuapOrderArgs = {
  input: ImportSuapOrderInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationLoginArgs = {
  input: LoginInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationMarkAppointmentAttendedArgs = {
  input: AppointmentStateInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationMarkAppointmentNoShowArgs = {
  input: AppointmentStateInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationRescheduleAppointmentArgs = {
  input: RescheduleAppointmentInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationUpdateAuthorizationArgs = {
  input: UpdateAuthorizationInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationUpdateEpsArgs = {
  input: UpdateEpsInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationUpdateLocationArgs = {
  input: UpdateLocationInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationUpdatePatientArgs = {
  input: UpdatePatientInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationUpdatePractitionerArgs = {
  input: UpdatePractitionerInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationUpdateSocialWorkArgs = {
  input: UpdateSocialWorkInput;
};


/**
 * Every write. Each takes one `input` and answers a payload with what changed, and
 * `userErrors` for the user's mistakes (a mistaken input writes nothing). `login` needs no
 * token; each of the others names the role it needs.
 */
export type MutationUpdateSpecialtyArgs = {
  input: UpdateSpecialtyInput;
};

/**
 * Any entity with a global ID: what `node(id:)` and `nodes(ids:)` return (ask for the
 * concrete type's fields with `... on Patient { … }`).
 */
export type Node = {
  /** Global ID (Relay): opaque, stable; use with `node(id:)`. */
  id: Scalars['ID']['output'];
};

/** An order (SUAP "orden"): who was seen, for what, and how the insurer authorized it. */
export type Order = Node & {
  __typename?: 'Order';
  /**
   * SUAP MensajeAutorizacion: the order's state in words, for people (not for logic); at
   * most 2000 characters, null when none.
   */
  authorizationMessage?: Maybe<Scalars['String']['output']>;
  /**
   * SUAP EstadoAutorizacion of the whole order: it ranks above the items' states, and with
   * them decides which items are billable.
   */
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
  /**
   * SUAP Sucursal: the provider's branch where the order was authorized, for providers
   * with branches; at most 100 characters, null when not given.
   */
  branch?: Maybe<Scalars['String']['output']>;
  /**
   * SUAP AnuladoPorPrestador: cancelled by the provider, so never billable. Once true it
   * stays true, whatever a later import says.
   */
  cancelledByProvider: Scalars['Boolean']['output'];
  /** When it was registered here (created, or first imported). */
  createdAt: Scalars['DateTime']['output'];
  /**
   * The row id, for people ("orden 1234"; not SUAP's number, which is in `token`);
   * arguments take the global `id`.
   */
  databaseId: Scalars['Int']['output'];
  /**
   * SUAP DiagnosticoTexto: the diagnosis as typed (usually by reception), without any
   * coding; at most 2000 characters, null when not given.
   */
  diagnosisText?: Maybe<Scalars['String']['output']>;
  /**
   * SUAP Borrador: still a draft (a test that consumed nothing of the affiliate), so not
   * billable whatever its states.
   */
  draft: Scalars['Boolean']['output'];
  /** Global ID (Relay): opaque, stable; use with `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Its practices (SUAP itemsOrden), in the order given. */
  items: Array<OrderItem>;
  /** SUAP Observaciones: remarks on the order, at most 2000 characters; null when none. */
  observations?: Maybe<Scalars['String']['output']>;
  /**
   * SUAP NumeroOrden: the order's number as the ticket's barcode shows it, at most 40
   * characters; null when not given.
   */
  orderNumber?: Maybe<Scalars['String']['output']>;
  /** The patient seen: SUAP's "afiliado". */
  patient: Patient;
  /**
   * SUAP FechaRealizacion: the day the service was performed (the sample taken, the
   * consultation held); not the authorization date. Null when not given.
   */
  performedOn?: Maybe<Scalars['Date']['output']>;
  /**
   * The clinic's site where it was served, as staff gave it in `createOrder`; null when not
   * given, and for imports (SUAP's own point of care is `suapPointOfCare`).
   */
  pointOfCare?: Maybe<Location>;
  /** SUAP FechaPrescripcion: the date on the prescription (Rp.), when there is one. */
  prescribedOn?: Maybe<Scalars['Date']['output']>;
  /** SUAP prescriptor: who wrote the prescription; null when unknown or none. */
  prescriber?: Maybe<Practitioner>;
  /** SUAP prestador: who performed the service (a person or a company); null when unknown. */
  provider?: Maybe<Practitioner>;
  /**
   * The social work billed (SUAP's obraSocial of the order); `socialWorkId` in inputs and
   * filters.
   */
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
  /**
   * SUAP's `Tipo`: CONSUMPTION (`CONSUMO`, the one billable type) or OTHER (its name in
   * `suapType`).
   */
  type: OrderType;
  /**
   * When it last changed: a cancellation, a re-import that changed something, or a change
   * of its billing verdict.
   */
  updatedAt: Scalars['DateTime']['output'];
  /**
   * SUAP EstadoVerificacion: verified by the professional association or the provider's
   * own check. Informational for closing a billing period; `billable` does not weigh it.
   */
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

/**
 * One page of `Order` items, a Relay cursor connection: read `nodes` (or `edges`,
 * with each item's cursor), `pageInfo` to move on, `totalCount` for every match.
 * `first`/`last` take 1 to 100 (default 20).
 */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  /** This page's items in order, each with its cursor (to page from that item). */
  edges: Array<OrderEdge>;
  /** This page's items in order: the nodes of `edges`, without their cursors. */
  nodes: Array<Order>;
  /** Whether more items lie on either side of this page, and the cursors to get them. */
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

/** An edge of `OrderConnection`: one `Order` and its cursor. */
export type OrderEdge = {
  __typename?: 'OrderEdge';
  /**
   * Opaque position of this item in the list: pass it as `after` (or `before`)
   * for the items after (or before) it, with the same arguments and filter.
   */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Order;
};

/** Which orders `orders` lists; every condition given must hold. */
export type OrderFilter = {
  /** Only orders with (true) or without (false) a billable item. */
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
  /** Only orders of this patient (SUAP's affiliate). */
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
  /** Only orders billed to this social work. */
  socialWorkId?: InputMaybe<Scalars['ID']['input']>;
  /** Any of these order states. */
  status?: InputMaybe<Array<OrderAuthorizationStatus>>;
  /** Only orders whose SUAP totals disagree (true) or agree (false) with their items. */
  totalsMismatch?: InputMaybe<Scalars['Boolean']['input']>;
  /** SUAP's verification (`EstadoVerificacion`), for closing a period. */
  verified?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One practice of an order (SUAP "itemsOrden"). */
export type OrderItem = Node & {
  __typename?: 'OrderItem';
  /**
   * SUAP MensajeAutorizacion of the practice: its state in words, for the operator (not
   * for logic); at most 2000 characters, null when none.
   */
  authorizationMessage?: Maybe<Scalars['String']['output']>;
  /**
   * SUAP EstadoAutorizacion of this practice alone; whether it is billable also depends on
   * its order's.
   */
  authorizationStatus: OrderItemAuthorizationStatus;
  /** May be billed to the insurer (seed 002's table). */
  billable: Scalars['Boolean']['output'];
  /**
   * SUAP ValorCoseguro: the practice's copay in pesos, when the agreement computes it per
   * practice; null when it does not (see the order's `totalCopayValue`).
   */
  copayValue?: Maybe<Scalars['Decimal']['output']>;
  /** The row id, for people; arguments take the global `id`. */
  databaseId: Scalars['Int']['output'];
  /**
   * Global ID (Relay): opaque, stable; use with `node(id:)` (each practice is a Node of
   * its own).
   */
  id: Scalars['ID']['output'];
  /** SUAP Nombre: the practice's name, at most 300 characters. */
  name: Scalars['String']['output'];
  /**
   * SUAP Nomenclador: the name of the nomenclator agreed with the insurer, at most 100
   * characters (may be empty).
   */
  nomenclator: Scalars['String']['output'];
  /**
   * SUAP CodigoNomenclador: the practice's code in the agreed nomenclator (not the
   * insurer's own code), at most 40 characters.
   */
  nomenclatorCode: Scalars['String']['output'];
  /** SUAP's token of the practice ("PO" + SUAP's number); null for items created here. */
  token?: Maybe<Scalars['String']['output']>;
  /**
   * SUAP ValorTotal: the practice's value in pesos whatever its authorization (a rejected
   * practice's is not in the order's totals).
   */
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

/** Where a connection's page lies in the whole list, and the cursors to move from it. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /**
   * The last item's cursor: pass it as `after` for the page after this one.
   * Null when the page is empty.
   */
  endCursor?: Maybe<Scalars['String']['output']>;
  /**
   * Paging forward (`first`): whether more items follow this page. Paging
   * backward (`last`): true whenever `before` was given, as Relay allows.
   */
  hasNextPage: Scalars['Boolean']['output'];
  /**
   * Paging backward (`last`): whether more items precede this page. Paging
   * forward (`first`): true whenever `after` was given, as Relay allows.
   */
  hasPreviousPage: Scalars['Boolean']['output'];
  /**
   * The first item's cursor: pass it as `before` for the page before this one.
   * Null when the page is empty.
   */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A person the clinic sees, affiliated with a social work. */
export type Patient = Node & {
  __typename?: 'Patient';
  /** Postal address, at most 200 characters; null when not given. */
  address?: Maybe<Scalars['String']['output']>;
  /**
   * SUAP NumeroAfiliado: the number on the insurer's card (the CUIT, the DNI or the
   * insurer's own number, depending on the insurer), as given, at most 40 characters; null
   * when unknown.
   */
  affiliateNumber?: Maybe<Scalars['String']['output']>;
  /** The patient's appointments in every state, soonest first. */
  appointments: AppointmentConnection;
  /** From 1900-01-01 to today; null when unknown. */
  birthDate?: Maybe<Scalars['Date']['output']>;
  /** When the patient was registered (by staff or an order import). */
  createdAt: Scalars['DateTime']['output'];
  /** The row id, for people ("paciente 42"); arguments take the global `id`. */
  databaseId: Scalars['Int']['output'];
  /**
   * 4 to 20 letters and digits, stored normalised (upper-cased, without the dots, dashes,
   * slashes or spaces typed); unique per document type.
   */
  documentNumber: Scalars['String']['output'];
  /** The kind of identity document `documentNumber` is. */
  documentType: DocumentType;
  /** An address shaped `name@domain.tld`, at most 200 characters; null when not given. */
  email?: Maybe<Scalars['String']['output']>;
  /** The Colombian EPS (insurer) the patient also belongs to; null when none. */
  eps?: Maybe<Eps>;
  /** Given name(s), at most 100 characters. */
  firstName: Scalars['String']['output'];
  /** "First Last". */
  fullName: Scalars['String']['output'];
  /** As given, free text of at most 30 characters; null when not given. */
  gender?: Maybe<Scalars['String']['output']>;
  /** Global ID (Relay): opaque, stable; use with `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Surname(s), at most 100 characters; lists of patients sort by it first. */
  lastName: Scalars['String']['output'];
  /**
   * Who registered the patient: staff, or an order import (whose social work may be
   * inactive).
   */
  origin: PatientOrigin;
  /** 10 to 20 characters: digits, spaces, `-` and `+`; null when not given. */
  phone?: Maybe<Scalars['String']['output']>;
  /** The social work the patient is affiliated with. */
  socialWork: SocialWork;
  /** When any of the patient's fields last changed; a write that changes nothing leaves it. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A person the clinic sees, affiliated with a social work. */
export type PatientAppointmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * One page of `Patient` items, a Relay cursor connection: read `nodes` (or `edges`,
 * with each item's cursor), `pageInfo` to move on, `totalCount` for every match.
 * `first`/`last` take 1 to 100 (default 20).
 */
export type PatientConnection = {
  __typename?: 'PatientConnection';
  /** This page's items in order, each with its cursor (to page from that item). */
  edges: Array<PatientEdge>;
  /** This page's items in order: the nodes of `edges`, without their cursors. */
  nodes: Array<Patient>;
  /** Whether more items lie on either side of this page, and the cursors to get them. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of `PatientConnection`: one `Patient` and its cursor. */
export type PatientEdge = {
  __typename?: 'PatientEdge';
  /**
   * Opaque position of this item in the list: pass it as `after` (or `before`)
   * for the items after (or before) it, with the same arguments and filter.
   */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Patient;
};

/** Which patients `patients` lists; every condition given must hold. */
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
 * A provider (prestador) or prescriber (prescriptor) of orders, a person or a company: as
 * SUAP names them, or as staff registered them. Imports find them again by SUAP's token, a
 * licence or the document.
 */
export type Practitioner = Node & {
  __typename?: 'Practitioner';
  /** When it was registered (by staff or an import). */
  createdAt: Scalars['DateTime']['output'];
  /** The row id, for people; arguments take the global `id`. */
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
  /** Global ID (Relay): opaque, stable; use with `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Matrícula nacional, unique. */
  nationalLicense?: Maybe<Scalars['String']['output']>;
  /** Matrícula provincial, unique. */
  provincialLicense?: Maybe<Scalars['String']['output']>;
  /** When it was last corrected. */
  updatedAt: Scalars['DateTime']['output'];
};

/**
 * One page of `Practitioner` items, a Relay cursor connection: read `nodes` (or `edges`,
 * with each item's cursor), `pageInfo` to move on, `totalCount` for every match.
 * `first`/`last` take 1 to 100 (default 20).
 */
export type PractitionerConnection = {
  __typename?: 'PractitionerConnection';
  /** This page's items in order, each with its cursor (to page from that item). */
  edges: Array<PractitionerEdge>;
  /** This page's items in order: the nodes of `edges`, without their cursors. */
  nodes: Array<Practitioner>;
  /** Whether more items lie on either side of this page, and the cursors to get them. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of `PractitionerConnection`: one `Practitioner` and its cursor. */
export type PractitionerEdge = {
  __typename?: 'PractitionerEdge';
  /**
   * Opaque position of this item in the list: pass it as `after` (or `before`)
   * for the items after (or before) it, with the same arguments and filter.
   */
  cursor: Scalars['String']['output'];
  /** The item. */
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

/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type Query = {
  __typename?: 'Query';
  /** Appointments, soonest first. */
  appointments: AppointmentConnection;
  /** The audit log of every authorization, newest first, including deleted ones. */
  authorizationAudit: AuditEntryConnection;
  /** May this EPS be seen for this specialty at this site on this day (default: today)? */
  authorizationCheck: AuthorizationCheck;
  /** Authorizations, by id unless `orderBy` says otherwise. */
  authorizations: AuthorizationConnection;
  /** Availability blocks, by day, then id. */
  availabilities: AvailabilityConnection;
  /**
   * The free slots in which a patient of this EPS may be booked for this specialty,
   * soonest first: open, ahead, with a place left, under an agreement valid on the slot's
   * day with quota left in its month. `bookAppointment` judges again when it books.
   */
  availableSlots: SlotConnection;
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


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryAppointmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AppointmentFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryAuthorizationAuditArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuthorizationAuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryAuthorizationCheckArgs = {
  epsId: Scalars['ID']['input'];
  locationId: Scalars['ID']['input'];
  on?: InputMaybe<Scalars['Date']['input']>;
  specialtyId: Scalars['ID']['input'];
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryAuthorizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuthorizationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AuthorizationOrder>;
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryAvailabilitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AvailabilityFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryAvailableSlotsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  epsId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  locationId?: InputMaybe<Scalars['ID']['input']>;
  specialtyId: Scalars['ID']['input'];
  to?: InputMaybe<Scalars['Date']['input']>;
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryBillingSummaryArgs = {
  from: Scalars['Date']['input'];
  socialWorkId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['Date']['input'];
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryEpsListArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EpsFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryLocationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<LocationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryOrderByTokenArgs = {
  token: Scalars['String']['input'];
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryPatientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PatientFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QueryPractitionersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PractitionerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QuerySocialWorksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SocialWorkFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Every read. Each needs a valid token (any role: VIEWER, STAFF or ADMIN); lists that can
 * grow are Relay cursor connections.
 */
export type QuerySpecialtiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SpecialtyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** An appointment moved to another slot, all or nothing. */
export type RescheduleAppointmentInput = {
  /** The booked appointment. */
  id: Scalars['ID']['input'];
  /** A new prior-authorization number; the appointment's own is kept when omitted. */
  priorAuthorizationNumber?: InputMaybe<Scalars['String']['input']>;
  /**
   * The new slot, judged as a new booking (agreement on its day, quota in its month,
   * place, overlap); the old one is freed only if the new one is taken.
   */
  slotId: Scalars['ID']['input'];
};

/** What a user may do. Ordered: ADMIN > STAFF > VIEWER. */
export type Role =
  /** Also keeps the catalogues (social works, EPS, authorizations) and users. */
  | 'ADMIN'
  /** Also registers patients and orders. */
  | 'STAFF'
  /** Reads everything. */
  | 'VIEWER';

/** One bookable time in a block: `capacity` places, `booked` of them taken. */
export type Slot = Node & {
  __typename?: 'Slot';
  /** The block it belongs to (its practitioner, its cancellation). */
  availability: Availability;
  /** Places taken by booked or attended appointments. */
  booked: Scalars['Int']['output'];
  /** Places in it. */
  capacity: Scalars['Int']['output'];
  /** The row id, for people; arguments take the global `id`. */
  databaseId: Scalars['Int']['output'];
  /**
   * The clinic's day it falls on: the agreement is judged on it, and its month's quota
   * counts it.
   */
  day: Scalars['Date']['output'];
  /** When it ends. */
  endsAt: Scalars['DateTime']['output'];
  /** Global ID (Relay): opaque, stable; `bookAppointment` takes it as `slotId`. */
  id: Scalars['ID']['output'];
  /** The site. */
  location: Location;
  /** False once its block is cancelled. */
  open: Scalars['Boolean']['output'];
  /** Places left. */
  remaining: Scalars['Int']['output'];
  /** The specialty offered. */
  specialty: Specialty;
  /** When it starts. */
  startsAt: Scalars['DateTime']['output'];
};

/**
 * One page of `Slot` items, a Relay cursor connection: read `nodes` (or `edges`,
 * with each item's cursor), `pageInfo` to move on, `totalCount` for every match.
 * `first`/`last` take 1 to 100 (default 20).
 */
export type SlotConnection = {
  __typename?: 'SlotConnection';
  /** This page's items in order, each with its cursor (to page from that item). */
  edges: Array<SlotEdge>;
  /** This page's items in order: the nodes of `edges`, without their cursors. */
  nodes: Array<Slot>;
  /** Whether more items lie on either side of this page, and the cursors to get them. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of `SlotConnection`: one `Slot` and its cursor. */
export type SlotEdge = {
  __typename?: 'SlotEdge';
  /**
   * Opaque position of this item in the list: pass it as `after` (or `before`)
   * for the items after (or before) it, with the same arguments and filter.
   */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Slot;
};

/** A health insurer (obra social). */
export type SocialWork = Node & {
  __typename?: 'SocialWork';
  /** Null only while `contactPending` (registered by a SUAP import, which sends none). */
  address?: Maybe<Scalars['String']['output']>;
  /**
   * SUAP ValorUnidadBioquimica: the current value of the biochemical unit, in pesos (0 or
   * more); an imported order that carries one brings it up to date. Null when unknown.
   */
  biochemicalUnitValue?: Maybe<Scalars['Decimal']['output']>;
  /**
   * The SUAP convenio token ("OS" and 1 to 9 digits, e.g. "OS5"), unique; how SUAP orders
   * name it. Null for one SUAP has not named.
   */
  code?: Maybe<Scalars['String']['output']>;
  /**
   * True for a social work first registered by a SUAP import: SUAP sends no address,
   * phone or webpage, so they are empty until an administrator sets all three.
   */
  contactPending: Scalars['Boolean']['output'];
  /** When it was registered (by an administrator or a SUAP import). */
  createdAt: Scalars['DateTime']['output'];
  /** The row id, for people ("obra social 12"); arguments take the global `id`. */
  databaseId: Scalars['Int']['output'];
  /** Global ID (Relay): opaque, stable; use with `node(id:)`. */
  id: Scalars['ID']['output'];
  /**
   * Display name ("OSDE"), at most 100 characters; unique ignoring case, accents and
   * repeated spaces. For one registered by a SUAP import, SUAP's short name.
   */
  name: Scalars['String']['output'];
  /** How many patients are affiliated. */
  patientCount: Scalars['Int']['output'];
  /** Its affiliated patients, by last name, first name, id. */
  patients: PatientConnection;
  /** Null only while `contactPending`. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Whether the clinic accepts it: new patients need an ACTIVE one. */
  state: SocialWorkState;
  /** When any of its fields last changed; a write that changes nothing leaves it. */
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

/**
 * One page of `SocialWork` items, a Relay cursor connection: read `nodes` (or `edges`,
 * with each item's cursor), `pageInfo` to move on, `totalCount` for every match.
 * `first`/`last` take 1 to 100 (default 20).
 */
export type SocialWorkConnection = {
  __typename?: 'SocialWorkConnection';
  /** This page's items in order, each with its cursor (to page from that item). */
  edges: Array<SocialWorkEdge>;
  /** This page's items in order: the nodes of `edges`, without their cursors. */
  nodes: Array<SocialWork>;
  /** Whether more items lie on either side of this page, and the cursors to get them. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of `SocialWorkConnection`: one `SocialWork` and its cursor. */
export type SocialWorkEdge = {
  __typename?: 'SocialWorkEdge';
  /**
   * Opaque position of this item in the list: pass it as `after` (or `before`)
   * for the items after (or before) it, with the same arguments and filter.
   */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: SocialWork;
};

/** Which social works `socialWorks` lists; every condition given must hold. */
export type SocialWorkFilter = {
  /** Only those still waiting for their contact data (or only complete ones). */
  contactPending?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * Name contains this, ignoring case and accents, taken literally (no wildcards). At most
   * 100 characters.
   */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only active, or only inactive, social works. */
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
  /** Activa: accepted by the clinic; staff may register patients on it. */
  | 'ACTIVE'
  /**
   * Inactiva: no longer accepted for new patients (nor for moving a patient to it);
   * patients already affiliated keep it, and SUAP imports still record its orders.
   */
  | 'INACTIVE';

/** A medical specialty (Cardiología, Pediatría…). */
export type Specialty = Node & {
  __typename?: 'Specialty';
  /**
   * Offered by the clinic. Inactive: no authorization for it is valid (`SPECIALTY_INACTIVE`)
   * at any site.
   */
  active: Scalars['Boolean']['output'];
  /** When the specialty was registered. */
  createdAt: Scalars['DateTime']['output'];
  /** The row id, for people ("especialidad 3"); arguments take the global `id`. */
  databaseId: Scalars['Int']['output'];
  /** Global ID (Relay): opaque, stable; use with `node(id:)`. */
  id: Scalars['ID']['output'];
  /**
   * Display name ("Cardiología"), at most 100 characters; unique ignoring case, accents
   * and repeated spaces.
   */
  name: Scalars['String']['output'];
  /** When its name or active flag last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/**
 * One page of `Specialty` items, a Relay cursor connection: read `nodes` (or `edges`,
 * with each item's cursor), `pageInfo` to move on, `totalCount` for every match.
 * `first`/`last` take 1 to 100 (default 20).
 */
export type SpecialtyConnection = {
  __typename?: 'SpecialtyConnection';
  /** This page's items in order, each with its cursor (to page from that item). */
  edges: Array<SpecialtyEdge>;
  /** This page's items in order: the nodes of `edges`, without their cursors. */
  nodes: Array<Specialty>;
  /** Whether more items lie on either side of this page, and the cursors to get them. */
  pageInfo: PageInfo;
  /** How many items match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of `SpecialtyConnection`: one `Specialty` and its cursor. */
export type SpecialtyEdge = {
  __typename?: 'SpecialtyEdge';
  /**
   * Opaque position of this item in the list: pass it as `after` (or `before`)
   * for the items after (or before) it, with the same arguments and filter.
   */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Specialty;
};

/** Which specialties `specialties` lists; every condition given must hold. */
export type SpecialtyFilter = {
  /** Only active (true), or only inactive (false), specialties. */
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
  /** First valid day; null clears it (valid since always). */
  authorizationDate?: InputMaybe<Scalars['Date']['input']>;
  /** False suspends it, true reinstates it; null leaves it. */
  authorized?: InputMaybe<Scalars['Boolean']['input']>;
  /** 0 to 100, at most two decimals; null clears it (not agreed). */
  copayPercentage?: InputMaybe<Scalars['Decimal']['input']>;
  /** Last valid day, not before `authorizationDate`; null clears it (no end). */
  expirationDate?: InputMaybe<Scalars['Date']['input']>;
  /** The authorization to change. */
  id: Scalars['ID']['input'];
  /** 0 or more; null clears it (no quota). */
  maxMonthlyAppointments?: InputMaybe<Scalars['Int']['input']>;
  /** At most 2000 characters; null or blank clears them. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** As in `createAuthorization`; null leaves it. */
  requiresPriorAuthorization?: InputMaybe<Scalars['Boolean']['input']>;
};

/** `id` plus the fields to change; omitted fields stay as they are. */
export type UpdateEpsInput = {
  /**
   * False deactivates it: its authorizations stop being valid (`EPS_INACTIVE`) and no new
   * patient may name it; patients who have it keep it. Null leaves it.
   */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** As in `createEps`; cannot be cleared (null is `REQUIRED`). */
  code?: InputMaybe<Scalars['String']['input']>;
  /** The EPS to change. */
  id: Scalars['ID']['input'];
  /** As in `createEps`; cannot be cleared (null is `REQUIRED`). */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** `id` plus the fields to change; omitted fields stay as they are. */
export type UpdateLocationInput = {
  /**
   * False deactivates it: authorizations at it stop being valid (`LOCATION_INACTIVE`).
   * Null leaves it.
   */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** As in `createLocation`; cannot be cleared (null is `REQUIRED`). */
  address?: InputMaybe<Scalars['String']['input']>;
  /** The site to change. */
  id: Scalars['ID']['input'];
  /** As in `createLocation`; cannot be cleared (null is `REQUIRED`). */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** `id` plus the fields to change; omitted fields stay as they are, null clears optional ones. */
export type UpdatePatientInput = {
  /** As in `createPatient`; null or blank clears it. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** As in `createPatient`; null or blank clears it. */
  affiliateNumber?: InputMaybe<Scalars['String']['input']>;
  /** As in `createPatient`; null clears it. */
  birthDate?: InputMaybe<Scalars['Date']['input']>;
  /** As in `createPatient`; cannot be cleared (null is `REQUIRED`). */
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  /** The kind of identity document; null leaves it. */
  documentType?: InputMaybe<DocumentType>;
  /** As in `createPatient`; null or blank clears it. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Setting an EPS needs it active; null removes it. */
  epsId?: InputMaybe<Scalars['ID']['input']>;
  /** As in `createPatient`; cannot be cleared (null is `REQUIRED`). */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** As in `createPatient`; null or blank clears it. */
  gender?: InputMaybe<Scalars['String']['input']>;
  /** The patient to change. */
  id: Scalars['ID']['input'];
  /** As in `createPatient`; cannot be cleared (null is `REQUIRED`). */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** As in `createPatient`; null or blank clears it. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Moving to another social work needs that one to be active; null leaves it. */
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
  /**
   * As in `createSocialWork`; cannot be cleared. On a `contactPending` social work, give
   * `address`, `phone` and `webpage` together.
   */
  address?: InputMaybe<Scalars['String']['input']>;
  /** As in `createSocialWork`; null clears it. */
  biochemicalUnitValue?: InputMaybe<Scalars['Decimal']['input']>;
  /**
   * As in `createSocialWork`; null or blank clears it (a social work registered by a SUAP
   * import must keep one while `contactPending`).
   */
  code?: InputMaybe<Scalars['String']['input']>;
  /** The social work to change. */
  id: Scalars['ID']['input'];
  /** As in `createSocialWork`; cannot be cleared (null is `REQUIRED`). */
  name?: InputMaybe<Scalars['String']['input']>;
  /**
   * As in `createSocialWork`; cannot be cleared. On a `contactPending` social work, give
   * `address`, `phone` and `webpage` together.
   */
  phone?: InputMaybe<Scalars['String']['input']>;
  /**
   * ACTIVE or INACTIVE (patients already affiliated keep an inactive one); null leaves
   * it.
   */
  state?: InputMaybe<SocialWorkState>;
  /**
   * As in `createSocialWork`; cannot be cleared. On a `contactPending` social work, give
   * `address`, `phone` and `webpage` together.
   */
  webpage?: InputMaybe<Scalars['String']['input']>;
};

/** `id` plus the fields to change; omitted fields stay as they are. */
export type UpdateSpecialtyInput = {
  /**
   * False deactivates it: its authorizations stop being valid (`SPECIALTY_INACTIVE`).
   * Null leaves it.
   */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** The specialty to change. */
  id: Scalars['ID']['input'];
  /** As in `createSpecialty`; cannot be cleared (null is `REQUIRED`). */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Someone who signs in to the back office. */
export type User = Node & {
  __typename?: 'User';
  /** The row id, for people ("user 3"); arguments take the global `id`. */
  databaseId: Scalars['Int']['output'];
  /** Global ID (Relay): opaque, stable; use with `node(id:)`. */
  id: Scalars['ID']['output'];
  /**
   * What the user may do. In `viewer`, the role of the caller's token, which is what the
   * request may do.
   */
  role: Role;
  /**
   * The sign-in name: for local accounts letters, digits and `. _ @ -`, at most 60
   * characters, unique ignoring case; for a user of an external identity provider, the
   * subject of their tokens.
   */
  username: Scalars['String']['output'];
};

/**
 * A mistake in a mutation's input, reported in its payload instead of a top-level error;
 * the mutation wrote nothing for that input.
 */
export type UserError = {
  __typename?: 'UserError';
  /** Stable and machine-readable. */
  code: UserErrorCode;
  /**
   * Path to the offending input field, relative to `input` (e.g. `["phone"]`; for
   * `importSuapOrder`, the path in `render`, e.g. `["afiliado", "DocNumero"]`); null when
   * no one field is at fault (a refused `login`).
   */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** Spanish, for the clinic's staff. */
  message: Scalars['String']['output'];
};

/**
 * What kind of mistake a `UserError` reports: stable, for client logic (the message is for
 * people and may change).
 */
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
  /**
   * The entity's state does not allow the change (an appointment no longer booked, an
   * availability's fixed terms).
   */
  | 'INVALID_STATE'
  /** The entity is still referenced and cannot be deleted. */
  | 'IN_USE'
  /**
   * The patient's EPS may not be seen for that specialty at that site on that day (no
   * agreement, or the agreement suspended, not yet valid, expired, or its EPS, specialty
   * or site inactive: the message says which, as `authorizationCheck`'s reason does);
   * for an availability: no EPS at all may be seen for it that day.
   */
  | 'NOT_AUTHORIZED'
  /** A referenced entity does not exist. */
  | 'NOT_FOUND'
  /**
   * It would overlap another booking of the same patient (or the same practitioner's
   * availability).
   */
  | 'OVERLAP'
  /** The agreement requires the EPS's prior-authorization number, and none was given. */
  | 'PRIOR_AUTHORIZATION_REQUIRED'
  /** The agreement's monthly quota is used up in that month. */
  | 'QUOTA_EXHAUSTED'
  /** Too many failed attempts: wait before trying again. */
  | 'RATE_LIMITED'
  /** A required value is missing or blank. */
  | 'REQUIRED'
  /** The slot has no place left. */
  | 'SLOT_FULL'
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