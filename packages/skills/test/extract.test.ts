import { describe, expect, it } from 'vitest';
import { type FindSkillsOptions, findSkillsInText } from '../src/index.ts';

const found = (text: string, options: FindSkillsOptions = {}) =>
  findSkillsInText(text, options).map((skill) => skill.skill.id);

describe('findSkillsInText', () => {
  it('finds multi-word names, punctuated names and aliases, with their positions', () => {
    const text =
      'Built ML pipelines with machine learning, C#, C++, .NET, ASP.NET, Node.js and CI/CD on k8s.';
    const result = findSkillsInText(text);
    expect(result.map((skill) => skill.skill.id)).toEqual([
      'machine-learning',
      'csharp',
      'cpp',
      'dotnet',
      'aspnet',
      'nodejs',
      'ci-cd',
      'kubernetes',
    ]);
    for (const { mentions } of result) {
      for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    }
    const machineLearning = result[0]!;
    expect(machineLearning.mentions.map((mention) => mention.text)).toEqual(['ML', 'machine learning']);
    expect(machineLearning.mentions[1]).toMatchObject({
      name: 'Machine learning',
      evidence: 'name',
      confidence: 0.95,
    });
    expect(result.find((skill) => skill.skill.id === 'kubernetes')?.mentions[0]).toMatchObject({
      text: 'k8s',
      name: 'K8s',
      confidence: 0.9,
    });
  });

  it('recognises the usual spellings of a technology', () => {
    for (const text of ['ReactJS', 'React.js', 'react.js', 'Reactjs'])
      expect(found(`Front-end in ${text}.`), text).toContain('react');
    expect(found('NodeJS and nodejs')).toEqual(['nodejs']);
    expect(found('ArgoCD, TailwindCss and SpringBoot')).toEqual(['argo-cd', 'tailwind-css', 'spring-boot']);
    expect(found('We use Vue3 and Python3.')).toEqual(['vue', 'python']);
    expect(found('Kuber\u00ADnetes clusters')).toEqual(['kubernetes']);
    expect(found('e-commerce and ecommerce')).toEqual(['e-commerce']);
  });

  it('accepts a name in the singular or the plural', () => {
    expect(found('Trained a neural network and ran usability tests.')).toEqual([
      'neural-networks',
      'usability',
    ]);
    expect(found('Design patterns, a design pattern')).toEqual(['design-patterns']);
    expect(found('Réseau informatique et télécommunication')).toEqual([
      'computer-networking',
      'telecommunications',
    ]);
  });

  it('lets a name that needs a list give way to an overlapping one that does not', () => {
    // "manage data" is an ESCO competence (a list item at most); "data pipelines" a curated skill.
    expect(found('Built tools to create and manage data pipelines.')).toEqual(['data-pipelines']);
    expect(found('Skills: manage data, Python')).toEqual([
      'esco:9ff9db9d-d14b-426e-83f3-e7449af6c79f',
      'python',
    ]);
  });

  it('reads French text', () => {
    expect(
      found('Maîtrise de Power BI, Tableau et Excel. Apprentissage automatique et gestion de projet.'),
    ).toEqual(['power-bi', 'tableau', 'excel', 'machine-learning', 'project-management']);
    expect(
      found(
        'Développeuse full-stack : intégration continue, tests unitaires, méthodes agiles, travail en équipe.',
      ),
    ).toEqual(['fullstack-development', 'ci-cd', 'unit-testing', 'agile', 'teamwork']);
  });

  it('accepts names that are ordinary words when the context is technical', () => {
    expect(found('Services written in Go and Python.')).toEqual(['go', 'python']);
    expect(found('Proficient in Excel and VBA.')).toEqual(['excel', 'vba']);
    expect(found('Developed iOS apps in Swift and Objective-C.')).toEqual(['ios', 'swift', 'objective-c']);
    expect(found('Statistics with R and Python.')).toEqual(['statistics', 'r', 'python']);
    expect(found('Strong Go programming skills.')).toEqual(['go']);
    expect(found('Built with Make and CMake.')).toEqual(['make', 'cmake']);
    const go = findSkillsInText('Services written in Go and Python.')[0]!;
    expect(go.mentions[0]).toMatchObject({ text: 'Go', evidence: 'context', confidence: 0.7 });
  });

  it('accepts them as items of a list of skills', () => {
    expect(found('Languages: Go, Rust, Python')).toEqual(['go', 'rust', 'python']);
    expect(found('python, go, rust')).toEqual(['python', 'go', 'rust']);
    expect(found('C/C++, R')).toEqual(['c', 'cpp', 'r']);
    expect(found('• Excel\n• Word\n• Outlook')).toEqual(['excel', 'word', 'outlook']);
    expect(found('Leadership, communication, teamwork')).toEqual(['leadership', 'communication', 'teamwork']);
  });

  it('accepts them anywhere in a skills section when capitalized as usual or listed', () => {
    expect(found('React\nVue\nAngular', { skillsSection: true })).toEqual(['react', 'vue', 'angular']);
    expect(findSkillsInText('Swift', { skillsSection: true })[0]?.mentions[0]).toMatchObject({
      evidence: 'skills-section',
      confidence: 0.8,
    });
    expect(found('Swift', {})).toEqual([]);
  });

  it('refuses ordinary words', () => {
    expect(found('I go to work every day. Let us go.')).toEqual([]);
    expect(found('Go to the website and sign up.')).toEqual([]);
    expect(found('Excel at problem solving.')).toEqual(['problem-solving']);
    expect(found('A swift response to every rust problem.')).toEqual([]);
    expect(found('Make sure everything is ready.')).toEqual([]);
    expect(found('Our R&D team works with C-level executives; see section R.')).toEqual([]);
    expect(found('J. R. R. Tolkien')).toEqual([]);
    expect(found("J'ai une vue d'ensemble du tableau de bord. Vue d'ensemble.")).toEqual([]);
    expect(found('Ordinateur portable 16 Go de RAM, Linux.')).toEqual(['linux']);
    expect(
      found('The Spring semester; a word of advice; an initiative; in collaboration with them.'),
    ).toEqual([]);
    expect(found('Multi-agent learning with emergent Communication protocols.')).toEqual([]);
    expect(found('A Canvas and an Open Source project.')).toEqual(['open-source']);
  });

  it('respects names that only count with their capitalization', () => {
    expect(found('We follow SAFe.')).toEqual(['safe']);
    expect(found('It is safe.')).toEqual([]);
    expect(found("J'ai fait de l'AI et de l'IA.")).toEqual(['artificial-intelligence']);
    expect(found("j'ai mangé")).toEqual([]);
    expect(found('A REST API.')).toEqual(['rest-api']);
    expect(found('Take a rest.')).toEqual([]);
  });

  it('skips web and e-mail addresses', () => {
    expect(found('github.com/someone, john@react.dev, https://www.python.org/about')).toEqual([]);
    expect(found('Code on GitHub.')).toEqual(['github']);
  });

  it('restricts names to a language when asked', () => {
    expect(found('BDD', { language: 'fr' })).toEqual(['databases']);
    expect(found('BDD', { language: 'en' })).toEqual(['behavior-driven-development']);
    expect(found('gestion de projet', { language: 'en' })).toEqual([]);
    expect(found('gestion de projet', { language: 'fr' })).toEqual(['project-management']);
  });

  it('gathers repeated mentions under one skill, in order of first mention', () => {
    const result = findSkillsInText('Python here, Docker there, python again.');
    expect(result.map((skill) => skill.skill.id)).toEqual(['python', 'docker']);
    expect(result[0]!.mentions.map((mention) => mention.start)).toEqual([0, 27]);
    expect(result[0]!.confidence).toBe(0.95);
  });

  it('finds nothing in empty or skill-free text', () => {
    expect(findSkillsInText('')).toEqual([]);
    expect(findSkillsInText('The weather was lovely and we walked along the river.')).toEqual([]);
  });
});
