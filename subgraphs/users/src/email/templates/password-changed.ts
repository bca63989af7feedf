import type { EmailTemplate } from './layout.ts';

export const passwordChanged: EmailTemplate<{
  readonly displayName: string;
  readonly forgotPasswordLink: string;
}> = {
  EN: ({ displayName, forgotPasswordLink }) => ({
    subject: 'Your password was changed',
    greeting: `Hello ${displayName},`,
    paragraphs: [
      'The password of your talentgraph account was just changed, and your other sessions were ended.',
    ],
    action: { label: 'Not you? Reset your password', url: forgotPasswordLink },
  }),
  FR: ({ displayName, forgotPasswordLink }) => ({
    subject: 'Votre mot de passe a été modifié',
    greeting: `Bonjour ${displayName},`,
    paragraphs: [
      'Le mot de passe de votre compte talentgraph vient d’être modifié et vos autres sessions ont été fermées.',
    ],
    action: { label: 'Ce n’est pas vous ? Réinitialisez votre mot de passe', url: forgotPasswordLink },
  }),
};
