import type { EmailTemplate } from './layout.ts';

/** Sent by inviteMember to the invited address; the link carries the invitation token. */
export const organizationInvitation: EmailTemplate<{
  readonly inviterName: string;
  readonly organizationName: string;
  readonly role: 'ADMIN' | 'RECRUITER';
  readonly link: string;
  readonly expiresInDays: number;
}> = {
  EN: ({ inviterName, organizationName, role, link, expiresInDays }) => ({
    subject: `${inviterName} invites you to join ${organizationName} on talentgraph`,
    greeting: 'Hello,',
    paragraphs: [
      `${inviterName} invites you to join ${organizationName} on talentgraph as ${role === 'ADMIN' ? 'an administrator, managing the team and every offer' : 'a recruiter, publishing offers and running their applications'}.`,
      `Sign in (or create your account) with this e-mail address, then accept. The link works once, for ${expiresInDays} days.`,
    ],
    action: { label: `Join ${organizationName}`, url: link },
    closing: ['If you do not know this organization, ignore this message: nothing happens without you.'],
  }),
  FR: ({ inviterName, organizationName, role, link, expiresInDays }) => ({
    subject: `${inviterName} vous invite à rejoindre ${organizationName} sur talentgraph`,
    greeting: 'Bonjour,',
    paragraphs: [
      `${inviterName} vous invite à rejoindre ${organizationName} sur talentgraph en tant ${role === 'ADMIN' ? 'qu’administrateur, pour gérer l’équipe et toutes les offres' : 'que recruteur, pour publier des offres et suivre leurs candidatures'}.`,
      `Connectez-vous (ou créez votre compte) avec cette adresse e-mail, puis acceptez. Le lien ne sert qu’une fois et reste valable ${expiresInDays} jours.`,
    ],
    action: { label: `Rejoindre ${organizationName}`, url: link },
    closing: [
      'Si vous ne connaissez pas cette organisation, ignorez ce message : rien ne se passe sans vous.',
    ],
  }),
};
