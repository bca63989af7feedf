import { describe, expect, it } from 'vitest';
import { normalizeSkill } from '../src/index.ts';

const idOf = (text: string, language?: 'en' | 'fr') =>
  normalizeSkill(text, language ? { language } : {})?.skill.id ?? null;

describe('normalizeSkill', () => {
  it('maps the usual spellings of a technology to one skill', () => {
    for (const text of [
      'React',
      'ReactJS',
      'react.js',
      'Réact',
      'React.js ',
      'REACT',
      'react js',
      'Reactjs',
    ]) {
      expect(idOf(text), text).toBe('react');
    }
    for (const text of ['Node.js', 'nodejs', 'NodeJS', 'node js', 'Node'])
      expect(idOf(text), text).toBe('nodejs');
    for (const text of ['Kubernetes', 'k8s', 'K8S', 'kube']) expect(idOf(text), text).toBe('kubernetes');
    for (const text of ['PostgreSQL', 'postgres', 'Postgre SQL', 'psql'])
      expect(idOf(text), text).toBe('postgresql');
    for (const text of ['JavaScript', 'JS', 'javascript', 'ECMAScript', 'ES6'])
      expect(idOf(text), text).toBe('javascript');
    for (const text of ['TypeScript', 'TS', 'typescript']) expect(idOf(text), text).toBe('typescript');
    for (const text of ['Go', 'golang', 'Golang', 'go lang']) expect(idOf(text), text).toBe('go');
    for (const text of ['AWS', 'Amazon Web Services', 'aws']) expect(idOf(text), text).toBe('aws');
    expect(idOf('Spring Boot')).toBe('spring-boot');
    expect(idOf('springboot')).toBe('spring-boot');
    expect(idOf('Terraform')).toBe('terraform');
    expect(idOf('Figma')).toBe('figma');
    expect(idOf('GraphQL')).toBe('graphql');
    expect(idOf('Docker')).toBe('docker');
  });

  it('keeps C, C++, C# and F# apart', () => {
    expect(idOf('C')).toBe('c');
    expect(idOf('C++')).toBe('cpp');
    expect(idOf('c++')).toBe('cpp');
    expect(idOf('CPP')).toBe('cpp');
    expect(idOf('C#')).toBe('csharp');
    expect(idOf('c sharp')).toBe('csharp');
    expect(idOf('F#')).toBe('fsharp');
    expect(idOf('.NET')).toBe('dotnet');
    expect(idOf('Java')).toBe('java');
    expect(new Set(['C', 'C++', 'C#', 'F#', 'R'].map((text) => idOf(text))).size).toBe(5);
  });

  it('reads French labels and aliases', () => {
    expect(idOf('apprentissage automatique')).toBe('machine-learning');
    expect(idOf('Apprentissage automatique')).toBe('machine-learning');
    expect(idOf('gestion de projet')).toBe('project-management');
    expect(idOf('Gestion de projets')).toBe('project-management');
    expect(idOf('travail en équipe')).toBe('teamwork');
    expect(idOf('Travail en equipe')).toBe('teamwork');
    expect(idOf('intelligence artificielle')).toBe('artificial-intelligence');
    expect(idOf('IA')).toBe('artificial-intelligence');
    expect(idOf('base de données')).toBe('databases');
    expect(idOf('cybersécurité')).toBe('cybersecurity');
    expect(idOf('RGPD')).toBe('gdpr');
    expect(idOf('méthodes agiles')).toBe('agile');
    expect(idOf('intégration continue')).toBe('ci-cd');
  });

  it('says how it matched, with a confidence that falls from exact to fuzzy', () => {
    expect(normalizeSkill('React')).toMatchObject({ match: 'label', matched: 'React', confidence: 1 });
    expect(normalizeSkill('ReactJS')).toMatchObject({ match: 'alias', matched: 'ReactJS', confidence: 0.95 });
    expect(normalizeSkill('  React.js ')).toMatchObject({ match: 'folded', confidence: 0.9 });
    expect(normalizeSkill('Réact')).toMatchObject({ match: 'folded', matched: 'React', confidence: 0.9 });
    const typo = normalizeSkill('Kuberentes');
    expect(typo).toMatchObject({ match: 'fuzzy', matched: 'Kubernetes' });
    expect(typo!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(typo!.confidence).toBeLessThan(0.9);
  });

  it('tolerates typos in longer names', () => {
    expect(idOf('Kuberentes')).toBe('kubernetes');
    expect(idOf('javascrpt')).toBe('javascript');
    expect(idOf('terrafrom')).toBe('terraform');
    expect(idOf('Dokcer')).toBe('docker');
    expect(idOf('Machine Lerning')).toBe('machine-learning');
    expect(idOf('Elasticsaerch')).toBe('elasticsearch');
    expect(idOf('apprentisage automatique')).toBe('machine-learning');
  });

  it('never guesses a short name from a typo', () => {
    expect(idOf('Gti')).toBeNull();
    expect(idOf('Goo')).toBeNull();
    expect(idOf('Gi')).toBeNull();
    expect(idOf('Q')).toBeNull();
    expect(idOf('Jave')).toBeNull();
    expect(idOf('Rub')).toBeNull();
    // Short names resolve only to themselves.
    expect(idOf('Go')).toBe('go');
    expect(idOf('Git')).toBe('git');
    expect(idOf('R')).toBe('r');
    expect(idOf('C')).toBe('c');
  });

  it('ignores a version number or a trailing parenthesis, at a small cost', () => {
    expect(normalizeSkill('Python 3.12')).toMatchObject({
      skill: { id: 'python' },
      match: 'label',
      confidence: 0.95,
    });
    expect(idOf('Vue 3')).toBe('vue');
    expect(idOf('Java 22')).toBe('java');
    expect(idOf('C++23')).toBe('cpp');
    expect(normalizeSkill('React (3 years)')).toMatchObject({ skill: { id: 'react' }, confidence: 0.95 });
  });

  it('respects names that only count with their capitalization', () => {
    expect(idOf('SAFe')).toBe('safe');
    expect(idOf('safe')).toBeNull();
    expect(idOf('REST')).toBe('rest-api');
    expect(idOf('rest')).toBeNull();
    expect(idOf('SOLID')).toBe('solid-principles');
    expect(idOf('solid')).toBeNull();
    expect(idOf('RESTful API')).toBe('rest-api');
  });

  it('uses the language to choose between skills sharing a name', () => {
    expect(idOf('BDD', 'fr')).toBe('databases');
    expect(idOf('BDD', 'en')).toBe('behavior-driven-development');
    expect(idOf('Spark')).toBe('apache-spark');
    expect(idOf('spark')).toBe('apache-spark');
  });

  it('resolves ESCO concepts by their English and French names', () => {
    expect(normalizeSkill('Haskell')?.skill).toMatchObject({ id: 'haskell', source: 'curated' });
    const esco = normalizeSkill('KDevelop');
    expect(esco?.skill.source).toBe('esco');
    expect(esco?.skill.id).toMatch(/^esco:[0-9a-f-]{36}$/);
    expect(idOf('cybernetics')).toBe(idOf('cybernétique'));
    expect(idOf('cybernetics')).not.toBeNull();
    expect(idOf('Common Lisp')).toMatch(/^esco:/);
    expect(idOf('Smalltalk')).toBe('smalltalk');
  });

  it('returns null for unknown, empty or oversized input', () => {
    expect(normalizeSkill('')).toBeNull();
    expect(normalizeSkill('   ')).toBeNull();
    expect(normalizeSkill('...')).toBeNull();
    expect(normalizeSkill('xyzzy')).toBeNull();
    expect(normalizeSkill('underwater basket weaving')).toBeNull();
    expect(normalizeSkill('React'.repeat(30))).toBeNull();
  });
});
