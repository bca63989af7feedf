import { describe, expect, it } from 'vitest';
import { pageLines, withoutRunningLines, type TextRun } from '../../src/cv-parsing/layout.ts';

/** A run of `size`-point text whose width is estimated at half the size per character. */
function run(text: string, x: number, y: number, size = 10): TextRun {
  return { text, x, y, size, width: text.length * size * 0.5 };
}

function lines(texts: readonly string[], x: number, top: number, spacing: number): TextRun[] {
  return texts.map((text, index) => run(text, x, top - index * spacing));
}

describe('pageLines', () => {
  it('reads a sidebar layout column by column, not line across columns', () => {
    const main = lines(
      [
        'EXPERIENCE',
        'Developer at Acme',
        'Built the billing service',
        'Led a team of four',
        'EDUCATION',
        'MSc Computer Science',
      ],
      40,
      780,
      14,
    );
    const sidebar = lines(['CONTACT', 'jane@example.com', 'SKILLS', 'Python', 'Docker'], 420, 785, 17);
    expect(pageLines([...sidebar, ...main])).toEqual([
      'EXPERIENCE',
      'Developer at Acme',
      'Built the billing service',
      'Led a team of four',
      'EDUCATION',
      'MSc Computer Science',
      '',
      'CONTACT',
      'jane@example.com',
      'SKILLS',
      'Python',
      'Docker',
    ]);
  });

  it('keeps a title and its date on one line when they share baselines (no column there)', () => {
    const runs = [
      run('Software Engineer', 40, 700),
      run('2019 - 2021', 450, 700),
      run('Data Engineer', 40, 686),
      run('2017 - 2019', 450, 686),
      run('Analyst', 40, 672),
      run('2015 - 2017', 450, 672),
      run('Intern', 40, 658),
      run('2014', 450, 658),
    ];
    expect(pageLines(runs)).toEqual([
      'Software Engineer\t2019 - 2021',
      'Data Engineer\t2017 - 2019',
      'Analyst\t2015 - 2017',
      'Intern\t2014',
    ]);
  });

  it('lets a full-width header and footer span the gutter of a two-column body', () => {
    const header = [run('Jane Doe - Senior Data Engineer - Lyon, France', 40, 810, 12)];
    const left = lines(
      ['Profile', 'Eight years of data platforms', 'Experience', 'Lead at Acme'],
      40,
      780,
      14,
    );
    const right = lines(['Skills', 'SQL', 'Spark', 'Airflow'], 400, 784, 15);
    const footer = [run('References available on request from former employers', 150, 40)];
    expect(pageLines([...footer, ...right, ...header, ...left])).toEqual([
      'Jane Doe - Senior Data Engineer - Lyon, France',
      '',
      'Profile',
      'Eight years of data platforms',
      'Experience',
      'Lead at Acme',
      '',
      'Skills',
      'SQL',
      'Spark',
      'Airflow',
      '',
      'References available on request from former employers',
    ]);
  });

  it('joins the pieces of one word and keeps word spaces', () => {
    // "Sum" and "mary" in two colours, as Awesome-CV prints its section titles; a superscript "A" in LaTeX.
    const runs = [
      run('Sum', 40, 700),
      run('mary', 55, 700),
      run('L', 40, 688),
      { text: 'A', x: 45.5, y: 690, size: 6, width: 3 },
      run('TeX', 49, 688),
      run('and', 67, 688),
    ];
    expect(pageLines(runs)).toEqual(['Summary', 'LATeX and']);
  });

  it('cuts evenly spaced blocks into bands in one step, keeping their order', () => {
    const blocks = Array.from({ length: 400 }, (_, index) => run(`Block ${index}`, 40, 820 - index * 2, 1));
    const lines = pageLines(blocks);
    expect(lines.filter((line) => line !== '')).toEqual(blocks.map((block) => block.text));
  });

  it('separates bands of a page with an empty line', () => {
    const runs = [
      ...lines(['Header line one', 'Header line two'], 40, 800, 12),
      ...lines(['Body after a gap'], 40, 700, 12),
    ];
    expect(pageLines(runs)).toEqual(['Header line one', 'Header line two', '', 'Body after a gap']);
  });
});

describe('withoutRunningLines', () => {
  it('drops a header or footer repeated at the edge of pages, page numbers aside', () => {
    const pages = [
      ['Jane Doe · Résumé', 'Experience', 'Engineer at Acme', 'Page 1 of 2'],
      ['Jane Doe · Résumé', 'Education', 'MSc Physics', 'Page 2 of 2'],
    ];
    expect(withoutRunningLines(pages)).toEqual([
      ['Experience', 'Engineer at Acme'],
      ['Education', 'MSc Physics'],
    ]);
  });

  it('keeps lines that only look alike: different years, or repeated away from the edges', () => {
    const pages = [
      ['Experience', 'University of Bremen | 2019 - 2023', 'Built a platform', 'Led the team', 'Bremen'],
      ['University of Bremen | 2010 - 2011', 'Programmer', 'Built a platform', 'Wrote tests', 'Berlin'],
    ];
    expect(withoutRunningLines(pages)).toEqual(pages);
  });

  it('keeps a single page as it is', () => {
    expect(withoutRunningLines([['Jane Doe', 'Page 1']])).toEqual([['Jane Doe', 'Page 1']]);
  });
});
