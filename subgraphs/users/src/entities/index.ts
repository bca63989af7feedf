import { MembershipSchema } from './Membership.ts';
import { OrganizationSchema } from './Organization.ts';
import { UserSchema } from './User.ts';

export const entities = [UserSchema, OrganizationSchema, MembershipSchema];
