/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      user { id username role }\n      userErrors { field code message }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query PatientSearchPage($search: String, $first: Int!, $after: String) {\n    patients(first: $first, after: $after, filter: { search: $search }) {\n      totalCount\n      nodes {\n        id\n        fullName\n        documentType\n        documentNumber\n        affiliateNumber\n        birthDate\n        socialWork { id name state }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.PatientSearchPageDocument,
    "\n  mutation CreatePatient($input: CreatePatientInput!) {\n    createPatient(input: $input) {\n      patient { id fullName createdAt }\n      userErrors { field code message }\n    }\n  }\n": typeof types.CreatePatientDocument,
    "\n  query BookingCheck($epsId: ID!, $specialtyId: ID!, $locationId: ID!, $on: Date) {\n    authorizationCheck(epsId: $epsId, specialtyId: $specialtyId, locationId: $locationId, on: $on) {\n      authorized\n      reason\n      authorization {\n        id\n        copayPercentage\n        maxMonthlyAppointments\n        requiresPriorAuthorization\n        expirationDate\n      }\n    }\n  }\n": typeof types.BookingCheckDocument,
    "\n  query OrderPage($first: Int!, $after: String, $filter: OrderFilter) {\n    orders(first: $first, after: $after, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        token\n        performedOn\n        authorizationStatus\n        billable\n        billableAmount\n        patient { id fullName }\n        socialWork { name }\n        items { name nomenclatorCode authorizationStatus totalValue copayValue }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.OrderPageDocument,
    "\n  query BillingSummary($from: Date!, $to: Date!) {\n    billingSummary(from: $from, to: $to) {\n      socialWork { id name }\n      orderCount\n      billableOrderCount\n      billableAmount\n      copayAmount\n    }\n  }\n": typeof types.BillingSummaryDocument,
};
const documents: Documents = {
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      user { id username role }\n      userErrors { field code message }\n    }\n  }\n": types.LoginDocument,
    "\n  query PatientSearchPage($search: String, $first: Int!, $after: String) {\n    patients(first: $first, after: $after, filter: { search: $search }) {\n      totalCount\n      nodes {\n        id\n        fullName\n        documentType\n        documentNumber\n        affiliateNumber\n        birthDate\n        socialWork { id name state }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.PatientSearchPageDocument,
    "\n  mutation CreatePatient($input: CreatePatientInput!) {\n    createPatient(input: $input) {\n      patient { id fullName createdAt }\n      userErrors { field code message }\n    }\n  }\n": types.CreatePatientDocument,
    "\n  query BookingCheck($epsId: ID!, $specialtyId: ID!, $locationId: ID!, $on: Date) {\n    authorizationCheck(epsId: $epsId, specialtyId: $specialtyId, locationId: $locationId, on: $on) {\n      authorized\n      reason\n      authorization {\n        id\n        copayPercentage\n        maxMonthlyAppointments\n        requiresPriorAuthorization\n        expirationDate\n      }\n    }\n  }\n": types.BookingCheckDocument,
    "\n  query OrderPage($first: Int!, $after: String, $filter: OrderFilter) {\n    orders(first: $first, after: $after, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        token\n        performedOn\n        authorizationStatus\n        billable\n        billableAmount\n        patient { id fullName }\n        socialWork { name }\n        items { name nomenclatorCode authorizationStatus totalValue copayValue }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.OrderPageDocument,
    "\n  query BillingSummary($from: Date!, $to: Date!) {\n    billingSummary(from: $from, to: $to) {\n      socialWork { id name }\n      orderCount\n      billableOrderCount\n      billableAmount\n      copayAmount\n    }\n  }\n": types.BillingSummaryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      user { id username role }\n      userErrors { field code message }\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientSearchPage($search: String, $first: Int!, $after: String) {\n    patients(first: $first, after: $after, filter: { search: $search }) {\n      totalCount\n      nodes {\n        id\n        fullName\n        documentType\n        documentNumber\n        affiliateNumber\n        birthDate\n        socialWork { id name state }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').PatientSearchPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePatient($input: CreatePatientInput!) {\n    createPatient(input: $input) {\n      patient { id fullName createdAt }\n      userErrors { field code message }\n    }\n  }\n"): typeof import('./graphql').CreatePatientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookingCheck($epsId: ID!, $specialtyId: ID!, $locationId: ID!, $on: Date) {\n    authorizationCheck(epsId: $epsId, specialtyId: $specialtyId, locationId: $locationId, on: $on) {\n      authorized\n      reason\n      authorization {\n        id\n        copayPercentage\n        maxMonthlyAppointments\n        requiresPriorAuthorization\n        expirationDate\n      }\n    }\n  }\n"): typeof import('./graphql').BookingCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderPage($first: Int!, $after: String, $filter: OrderFilter) {\n    orders(first: $first, after: $after, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        token\n        performedOn\n        authorizationStatus\n        billable\n        billableAmount\n        patient { id fullName }\n        socialWork { name }\n        items { name nomenclatorCode authorizationStatus totalValue copayValue }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').OrderPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingSummary($from: Date!, $to: Date!) {\n    billingSummary(from: $from, to: $to) {\n      socialWork { id name }\n      orderCount\n      billableOrderCount\n      billableAmount\n      copayAmount\n    }\n  }\n"): typeof import('./graphql').BillingSummaryDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
