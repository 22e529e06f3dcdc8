// How the screens use the operations: every result and variable is typed from
// schema.graphql, so the compiler catches what the server would refuse.
import { Client } from './client';
import {
  BillingSummary,
  BookingCheck,
  CreatePatient,
  Login,
  OrderPage,
  PatientSearchPage,
} from './operations';
import type { Scalars } from './gql/graphql';

type Decimal = Scalars['Decimal']['output'];

export async function signIn(client: Client, username: string, password: string): Promise<string[]> {
  const { login } = await client.execute(Login, { input: { username, password } });
  if (login.token) {
    client.signIn(login.token);
    return [];
  }
  return login.userErrors.map((e) => `${e.code}: ${e.message}`);
}

export async function searchPatients(client: Client, search: string, after?: string) {
  const { patients } = await client.execute(PatientSearchPage, {
    search,
    first: 20,
    after: after ?? null,
  });
  const rows = patients.nodes.map((p) => ({
    id: p.id,
    name: p.fullName,
    document: `${p.documentType} ${p.documentNumber}`,
    socialWork: p.socialWork.name,
    born: p.birthDate ?? '—',
  }));
  return { total: patients.totalCount, rows, next: patients.pageInfo.hasNextPage ? patients.pageInfo.endCursor : null };
}

/** The form's errors by field (the API reports every failing field at once). */
export async function registerPatient(client: Client, socialWorkId: string) {
  const { createPatient } = await client.execute(CreatePatient, {
    input: {
      firstName: 'Ana',
      lastName: 'Pérez',
      documentType: 'DNI',
      documentNumber: '30.111.222',
      birthDate: '1985-04-12',
      socialWorkId,
    },
  });
  const errors = new Map<string, string>();
  for (const e of createPatient.userErrors) errors.set((e.field ?? []).join('.'), e.message);
  return { patient: createPatient.patient ?? null, errors };
}

export async function canBook(client: Client, epsId: string, specialtyId: string, locationId: string) {
  const { authorizationCheck: check } = await client.execute(BookingCheck, {
    epsId,
    specialtyId,
    locationId,
    on: '2026-12-01',
  });
  if (!check.authorized) return { ok: false as const, reason: check.reason };
  const copay: Decimal | null = check.authorization?.copayPercentage ?? null;
  return { ok: true as const, copay, needsPriorAuthorization: check.authorization?.requiresPriorAuthorization ?? false };
}

export async function billableOrders(client: Client) {
  const { orders } = await client.execute(OrderPage, {
    first: 50,
    filter: { billable: true, status: ['AUTHORIZED'] },
  });
  return orders.nodes.map((o) => ({ token: o.token, amount: o.billableAmount, items: o.items.length }));
}

export async function monthlyBilling(client: Client) {
  const rows = await client.execute(BillingSummary, { from: '2026-11-01', to: '2026-11-30' });
  return rows.billingSummary.map((r) => [r.socialWork.name, r.billableAmount, r.copayAmount] as const);
}

// What the scalar map and the generated types refuse at compile time.
export function refusedAtCompileTime(client: Client) {
  // @ts-expect-error a Decimal is a string in plain notation, never a JS number
  const amount: Decimal = 1520.5;
  // @ts-expect-error a Date is YYYY-MM-DD, not a day/month/year text
  void client.execute(BillingSummary, { from: '01/11/2026', to: '2026-11-30' });
  // @ts-expect-error variables the operation requires cannot be left out
  void client.execute(BookingCheck, { epsId: 'x', specialtyId: 'y' });
  // @ts-expect-error enum values are the schema's, not free text
  void client.execute(OrderPage, { first: 10, filter: { status: ['APROBADA'] } });
  return amount;
}
