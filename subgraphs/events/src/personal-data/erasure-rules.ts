/**
 * What becomes of the events a person organizes when they erase their account. An event run on behalf
 * of an organization is the organization's: it stays, without organizer, for the organization's other
 * members to run. An event of their own has nobody left to run it and is deleted. (Registrations do not
 * exist yet; when they do, attendees of a deleted event must be told.)
 */
export type OrganizedEventFate = 'DELETE' | 'KEEP_WITHOUT_ORGANIZER';

export function organizedEventFate(event: { readonly organizationId?: string | null }): OrganizedEventFate {
  return event.organizationId == null ? 'DELETE' : 'KEEP_WITHOUT_ORGANIZER';
}
