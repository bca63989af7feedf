/** The users subgraph's dev mailbox (`/dev/mailbox`), where e-mails land when no SMTP server is set. */

export interface MailboxMessage {
  readonly id: string;
  readonly to: string;
  readonly template: string;
  readonly locale: string;
  readonly subject: string;
  readonly status: string;
  readonly text: string | null;
  readonly html: string | null;
  readonly links: string[];
}

/** The dev mailbox of `email`, newest message first. */
export async function mailbox(graphqlUrl: string, email: string): Promise<MailboxMessage[]> {
  const response = await fetch(
    `${graphqlUrl.replace('/graphql', '/dev/mailbox')}?to=${encodeURIComponent(email)}`,
  );
  if (!response.ok) throw new Error(`mailbox answered ${response.status}`);
  return ((await response.json()) as { messages: MailboxMessage[] }).messages;
}

/** The `token` of the link of the newest message of `template` in the mailbox of `email`. */
export async function tokenFromMailbox(graphqlUrl: string, email: string, template: string): Promise<string> {
  const message = (await mailbox(graphqlUrl, email)).find((candidate) => candidate.template === template);
  if (!message) throw new Error(`no ${template} e-mail for ${email}`);
  const token = new URL(message.links[0]!).searchParams.get('token');
  if (!token) throw new Error(`the ${template} e-mail has no token link`);
  return token;
}
