import type { EmailTemplate } from './layout.ts';

export const emailVerification: EmailTemplate<{
  readonly displayName: string;
  readonly link: string;
  readonly expiresInHours: number;
}> = {
  EN: ({ displayName, link, expiresInHours }) => ({
    subject: 'Confirm your e-mail address',
    greeting: `Hello ${displayName},`,
    paragraphs: [
      `Please confirm that this is your e-mail address. The link works once, for ${expiresInHours} hours.`,
    ],
    action: { label: 'Confirm my address', url: link },
    closing: ['If you did not create a talentgraph account, ignore this message.'],
  }),
  FR: ({ displayName, link, expiresInHours }) => ({
    subject: 'Confirmez votre adresse e-mail',
    greeting: `Bonjour ${displayName},`,
    paragraphs: [
      `Merci de confirmer qu’il s’agit bien de votre adresse e-mail. Le lien ne sert qu’une fois et reste valable ${expiresInHours} heures.`,
    ],
    action: { label: 'Confirmer mon adresse', url: link },
    closing: ['Si vous n’avez pas créé de compte talentgraph, ignorez ce message.'],
  }),
};
