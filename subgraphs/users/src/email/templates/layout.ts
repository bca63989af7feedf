import type { Locale } from '../../domain/roles.ts';

/** What a template says, before it becomes a plain-text and an HTML body. */
export interface EmailContent {
  readonly subject: string;
  readonly greeting: string;
  readonly paragraphs: readonly string[];
  /** The one thing to do, as a button in HTML and a bare link in text. */
  readonly action?: { readonly label: string; readonly url: string };
  /** Said after the action, for example what to do if the message was not expected. */
  readonly closing?: readonly string[];
}

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** One template: for each language the platform writes in, its content from typed variables. */
export type EmailTemplate<Variables> = Readonly<Record<Locale, (variables: Variables) => EmailContent>>;

const SIGNATURE: Record<Locale, string> = { EN: 'The talentgraph team', FR: 'L’équipe talentgraph' };

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Plain text and HTML from the same content. Every variable ends up escaped in the HTML, so a display
 * name like `<script>` is shown, not run.
 */
export function renderEmail(locale: Locale, content: EmailContent): RenderedEmail {
  const closing = content.closing ?? [];
  const text = [
    content.greeting,
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}: ${content.action.url}`] : []),
    ...closing,
    SIGNATURE[locale],
  ].join('\n\n');
  const paragraph = (line: string) => `<p>${escapeHtml(line)}</p>`;
  const html = [
    `<!doctype html><html lang="${locale.toLowerCase()}"><body style="font-family:sans-serif;line-height:1.5">`,
    paragraph(content.greeting),
    ...content.paragraphs.map(paragraph),
    ...(content.action
      ? [
          `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 16px;background:#1f4fd8;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>`,
          `<p style="font-size:12px;color:#555">${escapeHtml(content.action.url)}</p>`,
        ]
      : []),
    ...closing.map(paragraph),
    paragraph(SIGNATURE[locale]),
    '</body></html>',
  ].join('\n');
  return { subject: content.subject, text, html };
}
