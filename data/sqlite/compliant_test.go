package sqlite

// compliantSQL gives every mentor what R7 and R8 ask for from 2023 through 2028 — a long
// Washington residence, a clear WSP check each New Year's Day, a signed contract for every school
// year — so fixtures about payments are not held by flags.
const compliantSQL = `UPDATE mentors SET wa_resident_since = '2000-01-01';
	WITH RECURSIVE y(v) AS (SELECT 2023 UNION ALL SELECT v + 1 FROM y WHERE v < 2028)
	INSERT OR IGNORE INTO checks(mentor_id, kind, completed_on, result) SELECT m.id, 'wsp', y.v || '-01-01', 'clear' FROM mentors m, y;
	WITH RECURSIVE y(v) AS (SELECT 2022 UNION ALL SELECT v + 1 FROM y WHERE v < 2028)
	INSERT OR IGNORE INTO contracts(mentor_id, school_year, signed_on) SELECT m.id, y.v, y.v || '-06-01' FROM mentors m, y;`
