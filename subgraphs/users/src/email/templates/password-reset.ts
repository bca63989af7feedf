import type { EmailTemplate } from './layout.ts';

export const passwordReset: EmailTemplate<{
  readonly displayName: string;
  readonly link: string;
  readonly expiresInMinutes: number;
}> = {
  EN: ({ displayName, link, expiresInMinutes }) => ({
    subject: 'Reset your password',
    greeting: `Hello ${displayName},`,
    paragraphs: [
      `Someone asked to reset the password of your talentgraph account. The link works once, for ${expiresInMinutes} minutes, and signs you out everywhere.`,
    ],
    action: { label: 'Choose a new password', url: link },
    closing: ['If you did not ask for it, ignore this message: your password stays as it is.'],
  }),
  FR: ({ displayName, link, expiresInMinutes }) => ({
    subject: 'Réinitialisez votre mot de passe',
    greeting: `Bonjour ${displayName},`,
    paragraphs: [
      `Une demande de réinitialisation du mot de passe de votre compte talentgraph a été faite. Le lien ne sert qu’une fois, pendant ${expiresInMinutes} minutes, et vous déconnecte partout.`,
    ],
    action: { label: 'Choisir un nouveau mot de passe', url: link },
    closing: [
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
    ],
  }),
};
