import {
  CountryCodeResolver,
  DateTimeResolver,
  EmailAddressResolver,
  JSONObjectResolver,
  LocalDateResolver,
  URLResolver,
} from 'graphql-scalars';
import { GraphQLScalarType } from 'graphql';

/**
 * The scalars every subgraph shares (DESIGN.md §4). `Date` is a calendar date (YYYY-MM-DD) with no time
 * zone, `DateTime` an ISO-8601 instant always serialized in UTC, `JSONObject` any JSON object.
 */
export const scalarResolvers = {
  DateTime: DateTimeResolver,
  Date: new GraphQLScalarType({ ...LocalDateResolver.toConfig(), name: 'Date' }),
  URL: URLResolver,
  EmailAddress: EmailAddressResolver,
  CountryCode: CountryCodeResolver,
  JSONObject: JSONObjectResolver,
};
