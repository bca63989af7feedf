/**
 * The demo data set, shared by every subgraph's seed so that ids line up across databases: the offers
 * subgraph seeds offers of organization X, the users subgraph seeds organization X itself, and a query
 * through the gateway joins them. Ids are fixed UUIDs so seeding is idempotent and queries can be pasted
 * into Sandbox. Every person, company and text here is invented.
 */

import type {
  CefrLevel,
  ContractType,
  OfferKind,
  OfferStatus,
  ProfileKind,
  ProfileStatus,
  WorkMode,
} from '@talentgraph/vocabulary';

/** A fixed, valid (version 4, variant 1) UUID: `block` tells the entity kind, `index` the item. */
function demoId(block: number, index: number): string {
  return `00000000-0000-4000-8${block.toString(16).padStart(3, '0')}-${index.toString(16).padStart(12, '0')}`;
}

export type DemoRole = 'CANDIDATE' | 'RECRUITER' | 'MENTOR' | 'MODERATOR' | 'ADMIN';
export type DemoOrganizationKind = 'COMPANY' | 'IT_SERVICES' | 'SCHOOL' | 'SCHOLARSHIP_PROVIDER';

export interface DemoOrganization {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly kind: DemoOrganizationKind;
  readonly description: string;
  readonly website: string;
  readonly city: string;
  readonly countryCode: string;
}

export interface DemoUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly DemoRole[];
  readonly locale: 'EN' | 'FR';
  /** Organization the user recruits for, with their role in it. */
  readonly membership?: { readonly organizationId: string; readonly role: 'OWNER' | 'ADMIN' | 'RECRUITER' };
}

export type DemoSkillLevel = 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED' | 'EXPERT';

export interface DemoSkill {
  /** A name the skills taxonomy (@talentgraph/skills) resolves; the profiles seed stores its canonical id. */
  readonly name: string;
  readonly years: number;
  readonly level: DemoSkillLevel;
}

export interface DemoExperience {
  readonly organizationName: string;
  readonly title: string;
  readonly contractType: ContractType | null;
  readonly city: string;
  readonly countryCode: string;
  readonly startDate: string;
  /** Null: the person holds the job. */
  readonly endDate: string | null;
  readonly description: string;
  /** Names the skills taxonomy resolves. */
  readonly skills: readonly string[];
}

export interface DemoEducation {
  readonly institution: string;
  readonly degree: string;
  readonly fieldOfStudy: string;
  readonly level: 'SECONDARY' | 'VOCATIONAL' | 'BACHELOR' | 'MASTER' | 'DOCTORATE' | 'OTHER';
  readonly startDate: string;
  readonly endDate: string | null;
}

export interface DemoCertification {
  readonly name: string;
  readonly issuer: string;
  readonly issuedOn: string;
  readonly expiresOn: string | null;
  readonly credentialId: string | null;
}

export interface DemoProfile {
  readonly id: string;
  readonly userId: string;
  readonly kind: ProfileKind;
  readonly headline: string;
  readonly summary: string;
  readonly city: string;
  readonly countryCode: string;
  /** WGS 84 coordinates of the city. */
  readonly latitude: number;
  readonly longitude: number;
  readonly remotePreference: WorkMode;
  readonly yearsOfExperience: number;
  readonly desiredContractTypes: readonly ContractType[];
  readonly desiredTitles: readonly string[];
  readonly salaryExpectation: {
    readonly minimum: number;
    readonly maximum: number | null;
    readonly currency: string;
    readonly period: 'YEAR' | 'MONTH' | 'DAY' | 'HOUR';
  } | null;
  readonly preferences: {
    readonly sectors: readonly string[];
    readonly companySizes: readonly string[];
    readonly willingToRelocate: boolean;
    readonly relocationCountries: readonly string[];
    readonly noticePeriodWeeks: number | null;
    readonly workAuthorizations: readonly string[];
    readonly jobSearchStatus: 'ACTIVELY_LOOKING' | 'OPEN_TO_OFFERS' | 'NOT_LOOKING';
  };
  readonly skills: readonly DemoSkill[];
  readonly languages: readonly {
    readonly code: string;
    readonly level: CefrLevel;
  }[];
  readonly experiences: readonly DemoExperience[];
  readonly education: readonly DemoEducation[];
  readonly certifications: readonly DemoCertification[];
  /** A consultant's IT-services firm, rate and availability. */
  readonly consultant?: {
    readonly organizationId: string;
    readonly dailyRate: { readonly amount: number; readonly currency: string };
    readonly availability: 'AVAILABLE' | 'ON_MISSION' | 'UNAVAILABLE';
  };
  /** A mentor's expertise, rate and rating so far. */
  readonly mentor?: {
    readonly expertise: readonly string[];
    readonly mentoringYears: number;
    readonly hourlyRate: { readonly amount: number; readonly currency: string } | null;
    readonly ratingAverage: number;
    readonly ratingCount: number;
  };
  readonly status: ProfileStatus;
  /** When the profile entered the review queue (every status but DRAFT). */
  readonly submittedAt: string | null;
  readonly availableFrom: string;
}

export interface DemoOffer {
  readonly id: string;
  readonly organizationId: string;
  readonly authorId: string;
  readonly kind: OfferKind;
  readonly title: string;
  readonly description: string;
  readonly contractType: ContractType | null;
  readonly city: string;
  readonly countryCode: string;
  readonly remotePolicy: WorkMode;
  readonly salary: {
    readonly min: number;
    readonly max: number;
    readonly currency: string;
    readonly period: 'YEAR' | 'MONTH' | 'DAY';
  } | null;
  readonly requiredSkills: readonly string[];
  readonly niceToHaveSkills: readonly string[];
  readonly minYearsOfExperience: number;
  readonly status: OfferStatus;
  readonly publishedAt: string | null;
  readonly expiresAt: string | null;
}

export interface DemoCommunity {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly visibility: 'PUBLIC' | 'PRIVATE';
  readonly createdById: string;
  readonly memberIds: readonly string[];
  /** Members (among memberIds) who moderate the community beside its creator, its OWNER. */
  readonly moderatorIds: readonly string[];
}

export interface DemoPost {
  readonly id: string;
  readonly communityId: string;
  readonly authorId: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
}

export interface DemoComment {
  readonly id: string;
  readonly postId: string;
  /** The comment of the same post this one replies to; null for a comment on the post itself. */
  readonly parentId: string | null;
  readonly authorId: string;
  readonly body: string;
  readonly createdAt: string;
}

export interface DemoEvent {
  readonly id: string;
  readonly kind: 'WEBINAR' | 'CONFERENCE' | 'WORKSHOP' | 'NETWORKING' | 'JOB_FAIR';
  readonly title: string;
  readonly description: string;
  readonly organizerId: string;
  readonly organizationId: string | null;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timeZone: string;
  readonly format: 'ONLINE' | 'IN_PERSON' | 'HYBRID';
  readonly venue: string | null;
  readonly city: string | null;
  readonly countryCode: string | null;
  readonly onlineUrl: string | null;
  readonly capacity: number;
}

const ORGANIZATION = 0x001;
const USER = 0x002;
const PROFILE = 0x003;
const OFFER = 0x004;
const COMMUNITY = 0x005;
const POST = 0x006;
const EVENT = 0x007;
const COMMENT = 0x008;

export const organizations: readonly DemoOrganization[] = [
  {
    id: demoId(ORGANIZATION, 1),
    name: 'Acme Robotics',
    slug: 'acme-robotics',
    kind: 'COMPANY',
    description: 'Builds autonomous warehouse robots and the fleet software that runs them.',
    website: 'https://acme-robotics.example',
    city: 'Lyon',
    countryCode: 'FR',
  },
  {
    id: demoId(ORGANIZATION, 2),
    name: 'Nordlys Consulting',
    slug: 'nordlys-consulting',
    kind: 'IT_SERVICES',
    description: 'IT-services firm placing cloud and data consultants with banks and insurers.',
    website: 'https://nordlys-consulting.example',
    city: 'Paris',
    countryCode: 'FR',
  },
  {
    id: demoId(ORGANIZATION, 3),
    name: 'Institut Numérique de Nantes',
    slug: 'institut-numerique-nantes',
    kind: 'SCHOOL',
    description: 'Engineering school offering apprenticeships in software and data.',
    website: 'https://inn.example',
    city: 'Nantes',
    countryCode: 'FR',
  },
  {
    id: demoId(ORGANIZATION, 4),
    name: 'Fondation Horizon',
    slug: 'fondation-horizon',
    kind: 'SCHOLARSHIP_PROVIDER',
    description: 'Funds master’s scholarships for first-generation students in computer science.',
    website: 'https://fondation-horizon.example',
    city: 'Bordeaux',
    countryCode: 'FR',
  },
];

const [acme, nordlys, institut, horizon] = organizations as [
  DemoOrganization,
  DemoOrganization,
  DemoOrganization,
  DemoOrganization,
];

export const users: readonly DemoUser[] = [
  {
    id: demoId(USER, 1),
    email: 'amina.diallo@demo.talentgraph.dev',
    displayName: 'Amina Diallo',
    roles: ['CANDIDATE'],
    locale: 'FR',
  },
  {
    id: demoId(USER, 2),
    email: 'lucas.martin@demo.talentgraph.dev',
    displayName: 'Lucas Martin',
    roles: ['CANDIDATE'],
    locale: 'FR',
  },
  {
    id: demoId(USER, 3),
    email: 'sofia.rossi@demo.talentgraph.dev',
    displayName: 'Sofia Rossi',
    roles: ['CANDIDATE'],
    locale: 'EN',
  },
  {
    id: demoId(USER, 4),
    email: 'karim.benali@demo.talentgraph.dev',
    displayName: 'Karim Benali',
    roles: ['CANDIDATE'],
    locale: 'FR',
  },
  {
    id: demoId(USER, 5),
    email: 'emma.schmidt@demo.talentgraph.dev',
    displayName: 'Emma Schmidt',
    roles: ['CANDIDATE'],
    locale: 'EN',
  },
  {
    id: demoId(USER, 6),
    email: 'hugo.petit@demo.talentgraph.dev',
    displayName: 'Hugo Petit',
    roles: ['CANDIDATE'],
    locale: 'FR',
  },
  {
    id: demoId(USER, 7),
    email: 'claire.dubois@demo.talentgraph.dev',
    displayName: 'Claire Dubois',
    roles: ['RECRUITER'],
    locale: 'FR',
    membership: { organizationId: acme.id, role: 'OWNER' },
  },
  {
    id: demoId(USER, 8),
    email: 'olav.hansen@demo.talentgraph.dev',
    displayName: 'Olav Hansen',
    roles: ['RECRUITER'],
    locale: 'EN',
    membership: { organizationId: nordlys.id, role: 'OWNER' },
  },
  {
    id: demoId(USER, 9),
    email: 'nadia.leroy@demo.talentgraph.dev',
    displayName: 'Nadia Leroy',
    roles: ['RECRUITER'],
    locale: 'FR',
    membership: { organizationId: institut.id, role: 'OWNER' },
  },
  {
    id: demoId(USER, 10),
    email: 'paul.girard@demo.talentgraph.dev',
    displayName: 'Paul Girard',
    roles: ['RECRUITER'],
    locale: 'FR',
    membership: { organizationId: horizon.id, role: 'OWNER' },
  },
  {
    id: demoId(USER, 11),
    email: 'ines.moreau@demo.talentgraph.dev',
    displayName: 'Inès Moreau',
    roles: ['MENTOR'],
    locale: 'FR',
  },
  {
    id: demoId(USER, 12),
    email: 'david.okafor@demo.talentgraph.dev',
    displayName: 'David Okafor',
    roles: ['MENTOR'],
    locale: 'EN',
  },
  {
    id: demoId(USER, 13),
    email: 'julie.fontaine@demo.talentgraph.dev',
    displayName: 'Julie Fontaine',
    roles: ['MODERATOR'],
    locale: 'FR',
  },
  {
    id: demoId(USER, 14),
    email: 'admin@demo.talentgraph.dev',
    displayName: 'Platform Admin',
    roles: ['ADMIN'],
    locale: 'EN',
  },
  {
    id: demoId(USER, 15),
    email: 'mehdi.haddad@demo.talentgraph.dev',
    displayName: 'Mehdi Haddad',
    roles: ['CANDIDATE'],
    locale: 'FR',
  },
];

const user = (index: number): DemoUser => users[index - 1] as DemoUser;

export const profiles: readonly DemoProfile[] = [
  {
    id: demoId(PROFILE, 1),
    userId: user(1).id,
    kind: 'CANDIDATE',
    headline: 'Full-stack TypeScript developer',
    summary: 'Five years building React front ends and Node.js APIs for logistics start-ups.',
    city: 'Lyon',
    countryCode: 'FR',
    latitude: 45.764043,
    longitude: 4.835659,
    remotePreference: 'HYBRID',
    yearsOfExperience: 5,
    desiredContractTypes: ['PERMANENT'],
    desiredTitles: ['Senior full-stack engineer', 'Lead front-end developer'],
    salaryExpectation: { minimum: 55_000, maximum: 68_000, currency: 'EUR', period: 'YEAR' },
    preferences: {
      sectors: ['SOFTWARE_AND_INTERNET', 'LOGISTICS_AND_TRANSPORT', 'MANUFACTURING_AND_INDUSTRY'],
      companySizes: ['SMALL', 'MEDIUM'],
      willingToRelocate: false,
      relocationCountries: [],
      noticePeriodWeeks: 12,
      workAuthorizations: ['FR'],
      jobSearchStatus: 'ACTIVELY_LOOKING',
    },
    skills: [
      { name: 'TypeScript', years: 5, level: 'EXPERT' },
      { name: 'React', years: 5, level: 'EXPERT' },
      { name: 'Node.js', years: 4, level: 'ADVANCED' },
      { name: 'GraphQL', years: 3, level: 'ADVANCED' },
      { name: 'PostgreSQL', years: 3, level: 'INTERMEDIATE' },
    ],
    languages: [
      { code: 'fr', level: 'C2' },
      { code: 'en', level: 'C1' },
    ],
    experiences: [
      {
        organizationName: 'Logiflow',
        title: 'Full-stack developer',
        contractType: 'PERMANENT',
        city: 'Lyon',
        countryCode: 'FR',
        startDate: '2023-03-01',
        endDate: null,
        description: 'Built the carrier portal (React, GraphQL) and the pricing API (Node.js, PostgreSQL).',
        skills: ['TypeScript', 'React', 'GraphQL', 'Node.js', 'PostgreSQL'],
      },
      {
        organizationName: 'Colis Express',
        title: 'Front-end developer',
        contractType: 'PERMANENT',
        city: 'Lyon',
        countryCode: 'FR',
        startDate: '2021-09-01',
        endDate: '2023-02-28',
        description: 'Rewrote the parcel-tracking web app from jQuery to React and TypeScript.',
        skills: ['React', 'TypeScript'],
      },
    ],
    education: [
      {
        institution: 'INSA Lyon',
        degree: 'Diplôme d’ingénieur',
        fieldOfStudy: 'Computer science',
        level: 'MASTER',
        startDate: '2016-09-01',
        endDate: '2021-06-30',
      },
    ],
    certifications: [
      {
        name: 'Apollo Graph Developer – Associate',
        issuer: 'Apollo GraphQL',
        issuedOn: '2024-05-14',
        expiresOn: '2026-05-14',
        credentialId: 'APOLLO-ASSOC-2024-0514',
      },
    ],
    status: 'VALIDATED',
    submittedAt: '2026-10-20T09:00:00.000Z',
    availableFrom: '2027-01-04',
  },
  {
    id: demoId(PROFILE, 2),
    userId: user(2).id,
    kind: 'CANDIDATE',
    headline: 'Data engineer, streaming pipelines',
    summary: 'Builds Kafka and Spark pipelines; moving towards platform engineering.',
    city: 'Paris',
    countryCode: 'FR',
    latitude: 48.856614,
    longitude: 2.352222,
    remotePreference: 'REMOTE',
    yearsOfExperience: 7,
    desiredContractTypes: ['PERMANENT', 'FREELANCE'],
    desiredTitles: ['Senior data engineer', 'Platform engineer'],
    salaryExpectation: { minimum: 65_000, maximum: null, currency: 'EUR', period: 'YEAR' },
    preferences: {
      sectors: ['FINANCE_AND_BANKING', 'INSURANCE', 'SOFTWARE_AND_INTERNET'],
      companySizes: ['MEDIUM', 'LARGE'],
      willingToRelocate: false,
      relocationCountries: [],
      noticePeriodWeeks: 8,
      workAuthorizations: ['FR'],
      jobSearchStatus: 'OPEN_TO_OFFERS',
    },
    skills: [
      { name: 'Python', years: 7, level: 'EXPERT' },
      { name: 'Apache Spark', years: 5, level: 'ADVANCED' },
      { name: 'Apache Kafka', years: 4, level: 'ADVANCED' },
      { name: 'SQL', years: 7, level: 'EXPERT' },
      { name: 'Kubernetes', years: 2, level: 'INTERMEDIATE' },
    ],
    languages: [
      { code: 'fr', level: 'C2' },
      { code: 'en', level: 'B2' },
    ],
    experiences: [
      {
        organizationName: 'Assurances Mutuelles de France',
        title: 'Data engineer',
        contractType: 'PERMANENT',
        city: 'Paris',
        countryCode: 'FR',
        startDate: '2022-01-10',
        endDate: null,
        description: 'Moved claims processing from nightly batches to Kafka streams processed with Spark.',
        skills: ['Apache Kafka', 'Apache Spark', 'Python', 'Kubernetes'],
      },
      {
        organizationName: 'Banque du Quai',
        title: 'Data analyst, then data engineer',
        contractType: 'PERMANENT',
        city: 'Paris',
        countryCode: 'FR',
        startDate: '2019-09-02',
        endDate: '2021-12-31',
        description: 'Risk reporting in SQL, then the first Spark jobs of the bank.',
        skills: ['SQL', 'Python', 'Apache Spark'],
      },
    ],
    education: [
      {
        institution: 'Université Paris-Saclay',
        degree: 'Master',
        fieldOfStudy: 'Data science',
        level: 'MASTER',
        startDate: '2017-09-01',
        endDate: '2019-06-30',
      },
    ],
    certifications: [
      {
        name: 'Confluent Certified Developer for Apache Kafka',
        issuer: 'Confluent',
        issuedOn: '2023-03-02',
        expiresOn: '2025-03-02',
        credentialId: null,
      },
    ],
    status: 'VALIDATED',
    submittedAt: '2026-10-22T09:00:00.000Z',
    availableFrom: '2026-12-15',
  },
  {
    id: demoId(PROFILE, 3),
    userId: user(3).id,
    kind: 'CANDIDATE',
    headline: 'Robotics software engineer (C++, ROS 2)',
    summary: 'Motion planning and perception for mobile robots; PhD in control theory.',
    city: 'Lyon',
    countryCode: 'FR',
    latitude: 45.764043,
    longitude: 4.835659,
    remotePreference: 'ONSITE',
    yearsOfExperience: 4,
    desiredContractTypes: ['PERMANENT'],
    desiredTitles: ['Robotics software engineer'],
    salaryExpectation: { minimum: 52_000, maximum: 62_000, currency: 'EUR', period: 'YEAR' },
    preferences: {
      sectors: ['MANUFACTURING_AND_INDUSTRY', 'AUTOMOTIVE_AND_MOBILITY', 'AEROSPACE_AND_DEFENSE'],
      companySizes: [],
      willingToRelocate: true,
      relocationCountries: ['FR', 'IT', 'CH'],
      noticePeriodWeeks: 4,
      workAuthorizations: ['IT', 'FR'],
      jobSearchStatus: 'ACTIVELY_LOOKING',
    },
    skills: [
      { name: 'C++', years: 6, level: 'EXPERT' },
      { name: 'ROS', years: 4, level: 'ADVANCED' },
      { name: 'Python', years: 5, level: 'ADVANCED' },
      { name: 'Linux', years: 6, level: 'ADVANCED' },
    ],
    languages: [
      { code: 'en', level: 'C2' },
      { code: 'it', level: 'C2' },
      { code: 'fr', level: 'B1' },
    ],
    experiences: [
      {
        organizationName: 'Politecnico di Milano',
        title: 'Doctoral researcher in mobile robotics',
        contractType: 'FIXED_TERM',
        city: 'Milan',
        countryCode: 'IT',
        startDate: '2022-10-01',
        endDate: '2026-06-30',
        description:
          'Motion planning under uncertainty for warehouse robots; ROS 2 navigation stack contributions.',
        skills: ['C++', 'ROS', 'Python', 'Linux'],
      },
    ],
    education: [
      {
        institution: 'Politecnico di Milano',
        degree: 'PhD',
        fieldOfStudy: 'Control theory',
        level: 'DOCTORATE',
        startDate: '2022-10-01',
        endDate: '2026-06-30',
      },
      {
        institution: 'Politecnico di Torino',
        degree: 'Laurea magistrale',
        fieldOfStudy: 'Mechatronic engineering',
        level: 'MASTER',
        startDate: '2020-09-01',
        endDate: '2022-07-15',
      },
    ],
    certifications: [],
    status: 'VALIDATED',
    submittedAt: '2026-10-25T09:00:00.000Z',
    availableFrom: '2027-02-01',
  },
  {
    id: demoId(PROFILE, 4),
    userId: user(4).id,
    kind: 'CANDIDATE',
    headline: 'Computer-science student looking for an apprenticeship',
    summary: 'Second-year student, side projects in Java and React.',
    city: 'Nantes',
    countryCode: 'FR',
    latitude: 47.218371,
    longitude: -1.553621,
    remotePreference: 'ONSITE',
    yearsOfExperience: 0,
    desiredContractTypes: ['APPRENTICESHIP', 'INTERNSHIP'],
    desiredTitles: ['Apprentice software developer'],
    salaryExpectation: null,
    preferences: {
      sectors: [],
      companySizes: [],
      willingToRelocate: false,
      relocationCountries: [],
      noticePeriodWeeks: 0,
      workAuthorizations: ['FR'],
      jobSearchStatus: 'ACTIVELY_LOOKING',
    },
    skills: [
      { name: 'Java', years: 2, level: 'INTERMEDIATE' },
      { name: 'React', years: 1, level: 'BEGINNER' },
      { name: 'SQL', years: 1, level: 'BEGINNER' },
    ],
    languages: [
      { code: 'fr', level: 'C2' },
      { code: 'en', level: 'B1' },
    ],
    experiences: [],
    education: [
      {
        institution: 'Institut Numérique de Nantes',
        degree: 'Bachelor Développement logiciel',
        fieldOfStudy: 'Software development',
        level: 'BACHELOR',
        startDate: '2025-09-01',
        endDate: '2028-06-30',
      },
    ],
    certifications: [],
    status: 'SUBMITTED',
    submittedAt: '2026-11-18T14:30:00.000Z',
    availableFrom: '2026-09-01',
  },
  {
    id: demoId(PROFILE, 5),
    userId: user(5).id,
    kind: 'CANDIDATE',
    headline: 'Cloud architect, AWS and Terraform',
    summary: 'Designs landing zones and migrations for regulated industries.',
    city: 'Berlin',
    countryCode: 'DE',
    latitude: 52.520008,
    longitude: 13.404954,
    remotePreference: 'REMOTE',
    yearsOfExperience: 10,
    desiredContractTypes: ['FREELANCE'],
    desiredTitles: ['Cloud architect', 'Freelance AWS consultant'],
    salaryExpectation: { minimum: 850, maximum: 1_000, currency: 'EUR', period: 'DAY' },
    preferences: {
      sectors: ['FINANCE_AND_BANKING', 'INSURANCE', 'HEALTHCARE'],
      companySizes: ['LARGE', 'ENTERPRISE'],
      willingToRelocate: false,
      relocationCountries: [],
      noticePeriodWeeks: 4,
      workAuthorizations: ['DE', 'FR', 'NL'],
      jobSearchStatus: 'OPEN_TO_OFFERS',
    },
    skills: [
      { name: 'Amazon Web Services', years: 8, level: 'EXPERT' },
      { name: 'Terraform', years: 6, level: 'EXPERT' },
      { name: 'Kubernetes', years: 5, level: 'ADVANCED' },
      { name: 'Python', years: 6, level: 'INTERMEDIATE' },
    ],
    languages: [
      { code: 'de', level: 'C2' },
      { code: 'en', level: 'C2' },
      { code: 'fr', level: 'B2' },
    ],
    experiences: [
      {
        organizationName: 'Self-employed',
        title: 'Freelance cloud architect',
        contractType: 'FREELANCE',
        city: 'Berlin',
        countryCode: 'DE',
        startDate: '2021-04-01',
        endDate: null,
        description: 'AWS landing zones and Terraform modules for two banks and a health insurer.',
        skills: ['Amazon Web Services', 'Terraform', 'Kubernetes'],
      },
      {
        organizationName: 'Nordbank',
        title: 'Cloud engineer',
        contractType: 'PERMANENT',
        city: 'Hamburg',
        countryCode: 'DE',
        startDate: '2016-02-01',
        endDate: '2021-03-31',
        description: 'Led the migration of 40 applications from the data centre to AWS.',
        skills: ['Amazon Web Services', 'Python', 'Terraform'],
      },
    ],
    education: [
      {
        institution: 'Technische Universität Berlin',
        degree: 'Master of Science',
        fieldOfStudy: 'Computer engineering',
        level: 'MASTER',
        startDate: '2013-10-01',
        endDate: '2015-12-31',
      },
    ],
    certifications: [
      {
        name: 'AWS Certified Solutions Architect – Professional',
        issuer: 'Amazon Web Services',
        issuedOn: '2025-01-20',
        expiresOn: '2028-01-20',
        credentialId: 'AWS-SAP-2025-0120',
      },
      {
        name: 'HashiCorp Certified: Terraform Associate',
        issuer: 'HashiCorp',
        issuedOn: '2023-06-12',
        expiresOn: '2025-06-12',
        credentialId: null,
      },
    ],
    status: 'VALIDATED',
    submittedAt: '2026-10-28T09:00:00.000Z',
    availableFrom: '2026-12-01',
  },
  {
    id: demoId(PROFILE, 6),
    userId: user(6).id,
    kind: 'CANDIDATE',
    headline: 'Master’s student in machine learning',
    summary: 'Looking for a scholarship and a research internship in NLP.',
    city: 'Bordeaux',
    countryCode: 'FR',
    latitude: 44.837789,
    longitude: -0.57918,
    remotePreference: 'HYBRID',
    yearsOfExperience: 1,
    desiredContractTypes: ['INTERNSHIP'],
    desiredTitles: [],
    salaryExpectation: null,
    preferences: {
      sectors: ['EDUCATION_AND_RESEARCH'],
      companySizes: [],
      willingToRelocate: true,
      relocationCountries: [],
      noticePeriodWeeks: null,
      workAuthorizations: ['FR'],
      jobSearchStatus: 'ACTIVELY_LOOKING',
    },
    skills: [
      { name: 'Python', years: 3, level: 'ADVANCED' },
      { name: 'PyTorch', years: 2, level: 'INTERMEDIATE' },
      { name: 'SQL', years: 2, level: 'INTERMEDIATE' },
    ],
    languages: [
      { code: 'fr', level: 'C2' },
      { code: 'en', level: 'C1' },
    ],
    experiences: [
      {
        organizationName: 'LaBRI',
        title: 'Research intern, natural language processing',
        contractType: 'INTERNSHIP',
        city: 'Talence',
        countryCode: 'FR',
        startDate: '2025-04-01',
        endDate: '2025-08-31',
        description: 'Fine-tuned small language models to classify French administrative letters.',
        skills: ['Python', 'PyTorch', 'Natural language processing'],
      },
    ],
    education: [],
    certifications: [],
    status: 'DRAFT',
    submittedAt: null,
    availableFrom: '2027-03-01',
  },
  {
    id: demoId(PROFILE, 7),
    userId: user(11).id,
    kind: 'MENTOR',
    headline: 'Engineering manager, mentors career switchers',
    summary: 'Fifteen years in software, the last six leading teams of twenty.',
    city: 'Paris',
    countryCode: 'FR',
    latitude: 48.856614,
    longitude: 2.352222,
    remotePreference: 'REMOTE',
    yearsOfExperience: 15,
    desiredContractTypes: [],
    desiredTitles: [],
    salaryExpectation: null,
    preferences: {
      sectors: [],
      companySizes: [],
      willingToRelocate: false,
      relocationCountries: [],
      noticePeriodWeeks: null,
      workAuthorizations: ['FR'],
      jobSearchStatus: 'NOT_LOOKING',
    },
    skills: [
      { name: 'Leadership', years: 6, level: 'EXPERT' },
      { name: 'TypeScript', years: 8, level: 'ADVANCED' },
    ],
    languages: [
      { code: 'fr', level: 'C2' },
      { code: 'en', level: 'C2' },
    ],
    experiences: [
      {
        organizationName: 'Panorama Media',
        title: 'Engineering manager',
        contractType: 'PERMANENT',
        city: 'Paris',
        countryCode: 'FR',
        startDate: '2020-06-01',
        endDate: null,
        description: 'Leads three teams (twenty engineers) building the streaming platform.',
        skills: ['Leadership', 'TypeScript'],
      },
      {
        organizationName: 'Panorama Media',
        title: 'Senior software engineer',
        contractType: 'PERMANENT',
        city: 'Paris',
        countryCode: 'FR',
        startDate: '2011-09-01',
        endDate: '2020-05-31',
        description: 'Front-end lead of the video player and the subscriber web app.',
        skills: ['TypeScript'],
      },
    ],
    education: [
      {
        institution: 'Université de Technologie de Compiègne',
        degree: 'Diplôme d’ingénieur',
        fieldOfStudy: 'Computer science',
        level: 'MASTER',
        startDate: '2006-09-01',
        endDate: '2011-06-30',
      },
    ],
    certifications: [],
    mentor: {
      expertise: ['Career switch into software', 'First management role', 'Technical interviews'],
      mentoringYears: 5,
      hourlyRate: null,
      ratingAverage: 4.8,
      ratingCount: 23,
    },
    status: 'VALIDATED',
    submittedAt: '2026-10-15T09:00:00.000Z',
    availableFrom: '2026-11-23',
  },
  {
    id: demoId(PROFILE, 8),
    userId: user(12).id,
    kind: 'MENTOR',
    headline: 'Staff data scientist, interview coach',
    summary: 'Helps data candidates prepare technical interviews and portfolios.',
    city: 'London',
    countryCode: 'GB',
    latitude: 51.507351,
    longitude: -0.127758,
    remotePreference: 'REMOTE',
    yearsOfExperience: 12,
    desiredContractTypes: [],
    desiredTitles: [],
    salaryExpectation: null,
    preferences: {
      sectors: [],
      companySizes: [],
      willingToRelocate: false,
      relocationCountries: [],
      noticePeriodWeeks: null,
      workAuthorizations: ['GB'],
      jobSearchStatus: 'NOT_LOOKING',
    },
    skills: [
      { name: 'Python', years: 12, level: 'EXPERT' },
      { name: 'Machine learning', years: 10, level: 'EXPERT' },
    ],
    languages: [{ code: 'en', level: 'C2' }],
    experiences: [
      {
        organizationName: 'Thames Analytics',
        title: 'Staff data scientist',
        contractType: 'PERMANENT',
        city: 'London',
        countryCode: 'GB',
        startDate: '2018-01-08',
        endDate: null,
        description: 'Pricing and churn models; runs the data-science interview loop.',
        skills: ['Python', 'Machine learning'],
      },
      {
        organizationName: 'Lloyd’s Market Data',
        title: 'Data scientist',
        contractType: 'PERMANENT',
        city: 'London',
        countryCode: 'GB',
        startDate: '2014-09-01',
        endDate: '2017-12-22',
        description: 'Catastrophe-loss models in Python.',
        skills: ['Python'],
      },
    ],
    education: [
      {
        institution: 'University College London',
        degree: 'MSc',
        fieldOfStudy: 'Machine learning',
        level: 'MASTER',
        startDate: '2013-09-23',
        endDate: '2014-09-12',
      },
    ],
    certifications: [],
    mentor: {
      expertise: ['Data-science interviews', 'Portfolio reviews'],
      mentoringYears: 4,
      hourlyRate: { amount: 60, currency: 'GBP' },
      ratingAverage: 4.6,
      ratingCount: 11,
    },
    status: 'VALIDATED',
    submittedAt: '2026-10-16T09:00:00.000Z',
    availableFrom: '2026-11-23',
  },
  {
    id: demoId(PROFILE, 9),
    userId: user(15).id,
    kind: 'CONSULTANT',
    headline: 'Cloud and data consultant (Azure, Databricks)',
    summary:
      'Nordlys Consulting consultant: data platforms on Azure for insurers; Spark and Databricks specialist.',
    city: 'Paris',
    countryCode: 'FR',
    latitude: 48.856614,
    longitude: 2.352222,
    remotePreference: 'HYBRID',
    yearsOfExperience: 6,
    desiredContractTypes: ['FREELANCE'],
    desiredTitles: ['Data platform consultant'],
    salaryExpectation: null,
    preferences: {
      sectors: ['INSURANCE', 'FINANCE_AND_BANKING'],
      companySizes: [],
      willingToRelocate: false,
      relocationCountries: [],
      noticePeriodWeeks: null,
      workAuthorizations: ['FR'],
      jobSearchStatus: 'OPEN_TO_OFFERS',
    },
    skills: [
      { name: 'Azure', years: 5, level: 'ADVANCED' },
      { name: 'Databricks', years: 4, level: 'ADVANCED' },
      { name: 'Apache Spark', years: 5, level: 'ADVANCED' },
      { name: 'Python', years: 6, level: 'ADVANCED' },
    ],
    languages: [
      { code: 'fr', level: 'C2' },
      { code: 'ar', level: 'C1' },
      { code: 'en', level: 'C1' },
    ],
    experiences: [
      {
        organizationName: 'Nordlys Consulting',
        title: 'Data platform consultant',
        contractType: 'PERMANENT',
        city: 'Paris',
        countryCode: 'FR',
        startDate: '2020-09-01',
        endDate: null,
        description: 'Missions for two insurers: Databricks lakehouse on Azure, Spark pipelines.',
        skills: ['Azure', 'Databricks', 'Apache Spark', 'Python'],
      },
    ],
    education: [
      {
        institution: 'École Centrale de Lyon',
        degree: 'Diplôme d’ingénieur',
        fieldOfStudy: 'Applied mathematics',
        level: 'MASTER',
        startDate: '2017-09-01',
        endDate: '2020-06-30',
      },
    ],
    certifications: [
      {
        name: 'Microsoft Certified: Azure Data Engineer Associate',
        issuer: 'Microsoft',
        issuedOn: '2025-09-10',
        expiresOn: '2026-09-10',
        credentialId: null,
      },
    ],
    consultant: {
      organizationId: nordlys.id,
      dailyRate: { amount: 720, currency: 'EUR' },
      availability: 'ON_MISSION',
    },
    status: 'IN_REVIEW',
    submittedAt: '2026-11-20T10:00:00.000Z',
    availableFrom: '2027-03-01',
  },
];

export const offers: readonly DemoOffer[] = [
  {
    id: demoId(OFFER, 1),
    organizationId: acme.id,
    authorId: user(7).id,
    kind: 'JOB',
    title: 'Senior full-stack engineer (TypeScript, GraphQL)',
    description: 'Build the fleet dashboard operators use to supervise hundreds of robots in real time.',
    contractType: 'PERMANENT',
    city: 'Lyon',
    countryCode: 'FR',
    remotePolicy: 'HYBRID',
    salary: { min: 55_000, max: 70_000, currency: 'EUR', period: 'YEAR' },
    requiredSkills: ['TypeScript', 'React', 'GraphQL'],
    niceToHaveSkills: ['PostgreSQL', 'Node.js'],
    minYearsOfExperience: 4,
    status: 'PUBLISHED',
    publishedAt: '2026-11-02T09:00:00.000Z',
    expiresAt: '2027-01-31T23:59:59.000Z',
  },
  {
    id: demoId(OFFER, 2),
    organizationId: acme.id,
    authorId: user(7).id,
    kind: 'JOB',
    title: 'Robotics software engineer (C++ / ROS 2)',
    description: 'Own motion planning for our next-generation picking robot.',
    contractType: 'PERMANENT',
    city: 'Lyon',
    countryCode: 'FR',
    remotePolicy: 'ONSITE',
    salary: { min: 50_000, max: 65_000, currency: 'EUR', period: 'YEAR' },
    requiredSkills: ['C++', 'ROS'],
    niceToHaveSkills: ['Python', 'Linux'],
    minYearsOfExperience: 3,
    status: 'PUBLISHED',
    publishedAt: '2026-11-05T09:00:00.000Z',
    expiresAt: '2027-02-28T23:59:59.000Z',
  },
  {
    id: demoId(OFFER, 3),
    organizationId: nordlys.id,
    authorId: user(8).id,
    kind: 'FREELANCE_MISSION',
    title: 'Data platform consultant — six-month mission for an insurer',
    description: 'Migrate batch pipelines to streaming with Kafka and Spark on Kubernetes.',
    contractType: 'FREELANCE',
    city: 'Paris',
    countryCode: 'FR',
    remotePolicy: 'REMOTE',
    salary: { min: 600, max: 750, currency: 'EUR', period: 'DAY' },
    requiredSkills: ['Apache Kafka', 'Apache Spark', 'Python'],
    niceToHaveSkills: ['Kubernetes', 'SQL'],
    minYearsOfExperience: 5,
    status: 'PUBLISHED',
    publishedAt: '2026-11-10T09:00:00.000Z',
    expiresAt: '2026-12-31T23:59:59.000Z',
  },
  {
    id: demoId(OFFER, 4),
    organizationId: nordlys.id,
    authorId: user(8).id,
    kind: 'FREELANCE_MISSION',
    title: 'Cloud architect for a bank’s AWS landing zone',
    description: 'Design and deliver a multi-account AWS landing zone with Terraform.',
    contractType: 'FREELANCE',
    city: 'Paris',
    countryCode: 'FR',
    remotePolicy: 'HYBRID',
    salary: { min: 750, max: 900, currency: 'EUR', period: 'DAY' },
    requiredSkills: ['Amazon Web Services', 'Terraform'],
    niceToHaveSkills: ['Kubernetes'],
    minYearsOfExperience: 7,
    status: 'PUBLISHED',
    publishedAt: '2026-11-12T09:00:00.000Z',
    expiresAt: '2027-01-15T23:59:59.000Z',
  },
  {
    id: demoId(OFFER, 5),
    organizationId: institut.id,
    authorId: user(9).id,
    kind: 'INTERNSHIP',
    title: 'Software apprenticeship — web development (24 months)',
    description: 'Alternate between school and our digital lab, building internal tools in Java and React.',
    contractType: 'APPRENTICESHIP',
    city: 'Nantes',
    countryCode: 'FR',
    remotePolicy: 'ONSITE',
    salary: { min: 1_100, max: 1_400, currency: 'EUR', period: 'MONTH' },
    requiredSkills: ['Java'],
    niceToHaveSkills: ['React', 'SQL'],
    minYearsOfExperience: 0,
    status: 'PUBLISHED',
    publishedAt: '2026-10-20T09:00:00.000Z',
    expiresAt: '2027-06-30T23:59:59.000Z',
  },
  {
    id: demoId(OFFER, 6),
    organizationId: horizon.id,
    authorId: user(10).id,
    kind: 'SCHOLARSHIP',
    title: 'Horizon master’s scholarship in artificial intelligence',
    description: 'Covers tuition and living costs for two years of a master’s programme in AI.',
    contractType: null,
    city: 'Bordeaux',
    countryCode: 'FR',
    remotePolicy: 'ONSITE',
    salary: { min: 12_000, max: 12_000, currency: 'EUR', period: 'YEAR' },
    requiredSkills: ['Python'],
    niceToHaveSkills: ['PyTorch', 'Machine learning'],
    minYearsOfExperience: 0,
    status: 'PUBLISHED',
    publishedAt: '2026-11-01T09:00:00.000Z',
    expiresAt: '2027-03-31T23:59:59.000Z',
  },
  {
    id: demoId(OFFER, 7),
    organizationId: acme.id,
    authorId: user(7).id,
    kind: 'INTERNSHIP',
    title: 'Machine-learning internship — grasp detection',
    description: 'Six-month internship training vision models that tell robots where to grasp.',
    contractType: 'INTERNSHIP',
    city: 'Lyon',
    countryCode: 'FR',
    remotePolicy: 'HYBRID',
    salary: { min: 1_400, max: 1_400, currency: 'EUR', period: 'MONTH' },
    requiredSkills: ['Python', 'PyTorch'],
    niceToHaveSkills: ['C++'],
    minYearsOfExperience: 0,
    status: 'PUBLISHED',
    publishedAt: '2026-11-15T09:00:00.000Z',
    expiresAt: '2027-02-15T23:59:59.000Z',
  },
  {
    id: demoId(OFFER, 8),
    organizationId: acme.id,
    authorId: user(7).id,
    kind: 'JOB',
    title: 'Engineering manager, fleet software',
    description: 'Lead the team of eight that builds the fleet platform.',
    contractType: 'PERMANENT',
    city: 'Lyon',
    countryCode: 'FR',
    remotePolicy: 'HYBRID',
    salary: { min: 75_000, max: 90_000, currency: 'EUR', period: 'YEAR' },
    requiredSkills: ['Leadership', 'TypeScript'],
    niceToHaveSkills: ['GraphQL'],
    minYearsOfExperience: 8,
    status: 'DRAFT',
    publishedAt: null,
    expiresAt: null,
  },
];

export const communities: readonly DemoCommunity[] = [
  {
    id: demoId(COMMUNITY, 1),
    slug: 'typescript-france',
    name: 'TypeScript France',
    description: 'French-speaking TypeScript developers: questions, job tips and meetups.',
    visibility: 'PUBLIC',
    createdById: user(11).id,
    memberIds: [user(1).id, user(4).id, user(11).id, user(7).id],
    moderatorIds: [user(4).id],
  },
  {
    id: demoId(COMMUNITY, 2),
    slug: 'data-careers',
    name: 'Data careers',
    description: 'Data engineers and scientists comparing roles, salaries and interview processes.',
    visibility: 'PUBLIC',
    createdById: user(12).id,
    memberIds: [user(2).id, user(5).id, user(6).id, user(12).id],
    moderatorIds: [],
  },
  {
    id: demoId(COMMUNITY, 3),
    slug: 'acme-alumni',
    name: 'Acme Robotics alumni',
    description: 'Private group of former and current Acme Robotics engineers.',
    visibility: 'PRIVATE',
    createdById: user(7).id,
    memberIds: [user(7).id, user(3).id],
    moderatorIds: [],
  },
];

export const posts: readonly DemoPost[] = [
  {
    id: demoId(POST, 1),
    communityId: communities[0]!.id,
    authorId: user(1).id,
    title: 'How do you prepare a live-coding interview in React?',
    body: 'I have two interviews next week with a live-coding round. Which exercises did you get?',
    createdAt: '2026-11-18T10:15:00.000Z',
  },
  {
    id: demoId(POST, 2),
    communityId: communities[0]!.id,
    authorId: user(11).id,
    title: 'Monthly thread: who is hiring TypeScript developers?',
    body: 'Recruiters, post one message per company with location, remote policy and salary range.',
    createdAt: '2026-11-01T08:00:00.000Z',
  },
  {
    id: demoId(POST, 3),
    communityId: communities[1]!.id,
    authorId: user(2).id,
    title: 'Freelance daily rates for data engineers in 2026',
    body: 'I am moving to freelance. What daily rates do you see for Kafka and Spark missions in Paris?',
    createdAt: '2026-11-20T17:40:00.000Z',
  },
  {
    id: demoId(POST, 4),
    communityId: communities[1]!.id,
    authorId: user(12).id,
    title: 'Portfolio review sessions in December',
    body: 'I will review five data-science portfolios live in December; reply with a link to yours.',
    createdAt: '2026-11-21T12:00:00.000Z',
  },
  {
    id: demoId(POST, 5),
    communityId: communities[2]!.id,
    authorId: user(7).id,
    title: 'Reunion dinner in Lyon',
    body: 'Alumni dinner on 12 December; tell me if you come so I can book.',
    createdAt: '2026-11-19T09:30:00.000Z',
  },
];

/** Comment threads under the posts, written by members of each post's community. */
export const comments: readonly DemoComment[] = [
  {
    id: demoId(COMMENT, 1),
    postId: posts[0]!.id,
    parentId: null,
    authorId: user(4).id,
    body: 'Mine was a searchable list with debounced fetching, then a question on when to reach for useMemo.',
    createdAt: '2026-11-18T11:02:00.000Z',
  },
  {
    id: demoId(COMMENT, 2),
    postId: posts[0]!.id,
    parentId: demoId(COMMENT, 1),
    authorId: user(1).id,
    body: 'Thanks! Did they let you look things up in the React documentation during the exercise?',
    createdAt: '2026-11-18T11:20:00.000Z',
  },
  {
    id: demoId(COMMENT, 3),
    postId: posts[0]!.id,
    parentId: demoId(COMMENT, 2),
    authorId: user(4).id,
    body: 'Yes, and they said it counts in your favour when you say out loud what you are looking for.',
    createdAt: '2026-11-18T12:05:00.000Z',
  },
  {
    id: demoId(COMMENT, 4),
    postId: posts[0]!.id,
    parentId: null,
    authorId: user(11).id,
    body: 'Practise talking while you type: interviewers grade the reasoning as much as the code.',
    createdAt: '2026-11-18T14:30:00.000Z',
  },
  {
    id: demoId(COMMENT, 5),
    postId: posts[2]!.id,
    parentId: null,
    authorId: user(12).id,
    body: 'Around 600 to 750 euros a day for senior Kafka profiles in Paris; less outside Île-de-France.',
    createdAt: '2026-11-20T18:10:00.000Z',
  },
  {
    id: demoId(COMMENT, 6),
    postId: posts[2]!.id,
    parentId: demoId(COMMENT, 5),
    authorId: user(2).id,
    body: 'That matches what an IT-services firm offered me. Do clients usually pay on time?',
    createdAt: '2026-11-20T19:45:00.000Z',
  },
  {
    id: demoId(COMMENT, 7),
    postId: posts[4]!.id,
    parentId: null,
    authorId: user(3).id,
    body: 'Count me in, and I can bring two people from the old firmware team.',
    createdAt: '2026-11-19T10:15:00.000Z',
  },
];

export const events: readonly DemoEvent[] = [
  {
    id: demoId(EVENT, 1),
    kind: 'WEBINAR',
    title: 'Negotiating your first tech salary',
    description: 'A mentor and a recruiter explain how offers are built and how to negotiate them.',
    organizerId: user(11).id,
    organizationId: null,
    startsAt: '2026-12-03T17:00:00.000Z',
    endsAt: '2026-12-03T18:00:00.000Z',
    timeZone: 'Europe/Paris',
    format: 'ONLINE',
    venue: null,
    city: null,
    countryCode: null,
    onlineUrl: 'https://meet.talentgraph.example/salary-webinar',
    capacity: 500,
  },
  {
    id: demoId(EVENT, 2),
    kind: 'JOB_FAIR',
    title: 'Lyon robotics job fair',
    description: 'Meet the robotics companies of the Lyon region and their engineering teams.',
    organizerId: user(7).id,
    organizationId: acme.id,
    startsAt: '2027-01-21T09:00:00.000Z',
    endsAt: '2027-01-21T17:00:00.000Z',
    timeZone: 'Europe/Paris',
    format: 'IN_PERSON',
    venue: 'Halle Tony Garnier',
    city: 'Lyon',
    countryCode: 'FR',
    onlineUrl: null,
    capacity: 1_200,
  },
  {
    id: demoId(EVENT, 3),
    kind: 'WORKSHOP',
    title: 'Mock data-science interviews',
    description: 'Practise a technical data-science interview in pairs, with feedback from mentors.',
    organizerId: user(12).id,
    organizationId: null,
    startsAt: '2026-12-10T18:00:00.000Z',
    endsAt: '2026-12-10T20:00:00.000Z',
    timeZone: 'Europe/London',
    format: 'ONLINE',
    venue: null,
    city: null,
    countryCode: null,
    onlineUrl: 'https://meet.talentgraph.example/mock-interviews',
    capacity: 24,
  },
  {
    id: demoId(EVENT, 4),
    kind: 'NETWORKING',
    title: 'Apprenticeship networking evening',
    description: 'Students meet the companies that take apprentices from the Institut Numérique de Nantes.',
    organizerId: user(9).id,
    organizationId: institut.id,
    startsAt: '2027-02-05T17:30:00.000Z',
    endsAt: '2027-02-05T20:30:00.000Z',
    timeZone: 'Europe/Paris',
    format: 'HYBRID',
    venue: 'Institut Numérique de Nantes, amphithéâtre A',
    city: 'Nantes',
    countryCode: 'FR',
    onlineUrl: 'https://meet.talentgraph.example/apprenticeships',
    capacity: 150,
  },
];
