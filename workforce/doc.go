// Package workforce turns "about 1.5% of the workforce left" into whole
// people by sector and skill level that add up exactly, with intervals,
// on embedded, sourced employment data for Russia.
//
// # Classifications
//
// [Sector] is a section of ISIC Rev.4, A to U, which are also Russia's
// OKVED2 sections, with English and Russian titles. [Occupation] is an
// ISCO-08 major group, 0 to 9 (OKZ in Russia). [SkillLevel] is one of the
// ILO's four skill levels and [Band] one of its broad bands: low (level
// 1), medium (2) and high (3 and 4). Each has Parse and String; an unknown
// code is an error wrapping [ErrUnknownCode].
//
// ISCO-08 maps occupations to skill levels ([Occupation.SkillLevels]):
// groups 2 → 4, 3 → 3, 4–8 → 2, 9 → 1, while group 1 (managers) spans
// levels 3 and 4 and group 0 (armed forces) spans 1, 2 and 4. A [SkillMap]
// says how those two groups are split; its zero value splits them evenly.
//
// # Tables
//
// A [Table] is an immutable labelled two-way table of counts with totals,
// lookup by label, shares, column aggregation ([Table.SkillLevels],
// [Table.Bands], [Table.AggregateCols]) and CSV ([ReadCSV],
// [Table.WriteCSV]). A missing cell (suppressed by the publisher) is NaN
// and makes any total over it NaN: it is never read as zero.
//
// # Whole numbers that add up
//
//   - [Apportion] divides a whole number in proportion to weights by
//     largest remainder (Hamilton, the default) or by the divisor methods
//     of D'Hondt (Jefferson), Sainte-Laguë (Webster) or Huntington–Hill;
//     [ApportionMin] adds minimums. Ties go to the larger weight, then to
//     the earlier category.
//   - [Fit] adjusts a seed table to target row and column totals by
//     iterative proportional fitting (RAS); [FitN] does the same for an
//     N-dimensional array and any set of [Margin]s. Both preserve zero
//     cells, stop at a tolerance or an iteration limit, and report how it
//     went ([FitReport]).
//   - [ControlledRound] rounds a table to integers or to multiples of a
//     base so that every cell and every total moves to an adjacent
//     multiple and the table still adds up.
//
// # Headcounts
//
// [Headcounts] is the main entry point. A [Scenario] gives the number who
// left (Total) or a fraction of a base (Share, Base), and optionally their
// composition by sector, skill level or band, each possibly uncertain
// ([estimate.Estimate], [estimate.Composition]). The result, a
// [Headcount], has whole-number cells that add up to every sector and
// skill total and to the grand total, Monte Carlo intervals for each, and
// each cell's share of its sector's workforce. When only margins are
// known, the joint table is the workforce's own structure fitted to them.
//
// # Default data for Russia
//
// All embedded figures are in workforce/data/ with their sources, and
// carry an [exodus.Source] through the API:
//
//   - [RosstatEmployment]: Rosstat, average annual number employed by OKVED2
//     section, 2017–2024 (workplace-based balance of labour resources,
//     census-2020 revision), sections A–S and the total; T and U are not
//     published separately.
//   - [ILOSTATSectorOccupation]: ILOSTAT, employment by ISIC Rev.4 section
//     and ISCO-08 major group, 2021 and 2022 (Rosstat labour force survey).
//     Suppressed cells are missing. No armed forces group is published.
//   - [LabourForce]: Rosstat LFS labour force, November 2022, 75.1 million,
//     the base of "1.5% of the workforce". Annual averages for 2021 and
//     2022 were not found.
//   - [DefaultEmployment] and [DefaultWorkforce] combine them: section
//     totals from Rosstat, the occupation mix within each section from
//     ILOSTAT, as the two measure employment differently (by up to 2.5
//     million in trade). Each returned table says so in its sources.
//
// Not embedded, because no source was found: employment by ISCO-08
// sub-major group (which would fix the split of managers between levels 3
// and 4), and ISCO group 0 for Russia.
//
// # Conventions
//
// Counts are persons unless a function says thousands (the published
// tables). Shares are fractions in [0, 1]. Intervals are equal-tailed and
// their level is a probability, 0.9 by default. All functions are safe for
// concurrent use; no function keeps or modifies a slice it is given.
package workforce
