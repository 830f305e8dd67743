-- Issue 18: professions and categories carry an English label beside the Swedish one (the default). The UI
-- shows label_en when it speaks English; NULL falls back to the Swedish label. Added professions get theirs here.
ALTER TABLE professions ADD COLUMN IF NOT EXISTS label_en varchar(120);
ALTER TABLE categories ADD COLUMN IF NOT EXISTS label_en varchar(120);

UPDATE professions p SET label_en = v.label_en
FROM (VALUES ('larare', 'Teacher'), ('specialpedagog', 'Special needs teacher'),
             ('skoladministrator', 'School administrator'), ('rektor', 'Principal'), ('gemensamt', 'Shared'))
    AS v (slug, label_en)
WHERE p.slug = v.slug AND p.label_en IS NULL;

UPDATE categories c SET label_en = v.label_en
FROM (VALUES ('lektionsplanering', 'Lesson planning'), ('mentorskap', 'Mentoring'),
             ('administration', 'Administration'), ('ovrigt', 'Other'))
    AS v (slug, label_en)
WHERE c.slug = v.slug AND c.label_en IS NULL;
