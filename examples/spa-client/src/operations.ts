// The operations of the example SPA's screens. graphql-codegen reads them from here and
// generates their result and variables types into ./gql.
import { graphql } from './gql';

export const Login = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      expiresAt
      user { id username role }
      userErrors { field code message }
    }
  }
`);

export const PatientSearchPage = graphql(`
  query PatientSearchPage($search: String, $first: Int!, $after: String) {
    patients(first: $first, after: $after, filter: { search: $search }) {
      totalCount
      nodes {
        id
        fullName
        documentType
        documentNumber
        affiliateNumber
        birthDate
        socialWork { id name state }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const CreatePatient = graphql(`
  mutation CreatePatient($input: CreatePatientInput!) {
    createPatient(input: $input) {
      patient { id fullName createdAt }
      userErrors { field code message }
    }
  }
`);

export const BookingCheck = graphql(`
  query BookingCheck($epsId: ID!, $specialtyId: ID!, $locationId: ID!, $on: Date) {
    authorizationCheck(epsId: $epsId, specialtyId: $specialtyId, locationId: $locationId, on: $on) {
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
`);

export const OrderPage = graphql(`
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
        patient { id fullName }
        socialWork { name }
        items { name nomenclatorCode authorizationStatus totalValue copayValue }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const BillingSummary = graphql(`
  query BillingSummary($from: Date!, $to: Date!) {
    billingSummary(from: $from, to: $to) {
      socialWork { id name }
      orderCount
      billableOrderCount
      billableAmount
      copayAmount
    }
  }
`);
