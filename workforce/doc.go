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
// 1), medium (2) and high (3 and 4). Each has Parse and String, and
// MarshalText and UnmarshalText with the same codes, so that in JSON a
// Sector is "J", not a number, and can key an object; an unknown code is
// an error wrapping [ErrUnknownCode].
//
// # Split rules
//
// ISCO-08 maps occupations to skill levels ([Occupation.SkillLevels]):
// groups 2 → 4, 3 → 3, 4–8 → 2, 9 → 1, while group 1 (managers) spans
// levels 3 and 4 and group 0 (armed forces) spans 1, 2 and 4. A [SkillMap]
// says how those two groups are split; its zero value, used by
// [DefaultWorkforce], splits them evenly: half of the managers at level 3
// and half at level 4, a third of the armed forces at each of their
// levels. Band totals do not depend on the managers' split, as both their
// levels are in the high band. No source was found for a better split of
// Russia's managers (employment by ISCO-08 sub-major group).
//
// [NewHeadcount] splits a composition given for one dimension along the
// other like the workforce: sector shares are divided among skill levels
// as in each sector's workforce, and skill shares among sectors as in each
// level's workforce; band shares are divided among the levels of a band
// as in the workforce; a [Scenario].SectorFocus leaves the other sectors
// the rest in proportion to their workforce.
//
// # The emigrants' sector profile
//
// [DefaultSectorProfile] is a sector composition built from what the
// surveys of emigrants support, for [Scenario].Profile: IT workers at
// 27–45% of emigrants; arts and culture (R), education (P), office work
// (K, M, N) and media (J) from the OK Russians survey, read as upper
// bounds and scaled down by a common factor; every other section in
// proportion to its degree-holding employment ([ILOSTATSectorEducation]).
// [SectorProfile.Parts] states each part as data or as an assumption,
// with its sources. The IT share counts an occupation, not an industry:
// [Scenario].ITMapping puts it in section J ([ITInInformation], the
// default) or spreads it over the sections that employ ICT professionals
// ([ITInICTSections]); both are assumptions, as no table of Russia's ICT
// professionals by section was found, and with the defaults J's
// emigrants differ about fivefold between them
// (ExampleHeadcounts_itMapping).
//
// # Tables
//
// A [Table] is an immutable labelled two-way table of counts with totals,
// lookup by label, shares, column aggregation ([Table.SkillLevels],
// [Table.Bands], [Table.AggregateCols]), CSV ([ReadCSV],
// [Table.WriteCSV]) and a lossless JSON form ([Table.MarshalJSON]). A
// missing cell (suppressed by the publisher) is NaN and makes any total
// over it NaN: it is never read as zero. A nil *Table behaves as the empty
// table.
//
// Another country's data: rows must be ISIC section letters, and columns
// skill levels "1" to "4" where a [Scenario] needs a workforce. A table by
// aggregated sections, as many statistics offices publish it (agriculture
// "A", industry "B-F", services "G-U"), is split into sections by
// [Table.SplitSections] ([ParseSectors] reads the ranges; [ParseSector]'s
// error on a range points there); a table by ISCO-08 major group converts
// with [Table.SkillLevels] ([NewHeadcount]' error on such a table says so).
//
// # Whole numbers that add up
//
//   - [Apportion] divides a whole number in proportion to weights by
//     largest remainder ([Hamilton]) or by the divisor methods
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
// [NewHeadcount] is the main entry point. A [Scenario] gives the number who
// left (Total) or a fraction of a base (Share, Base), and optionally their
// composition by sector, skill level or band, each possibly uncertain
// ([estimate.Estimate], [estimate.Composition]). The result, a
// [Headcount], has whole-number cells that add up to every sector and
// skill total and to the grand total, Monte Carlo intervals for each, and
// each cell's share of its sector's workforce. When only margins are
// known, the joint table is the workforce's own structure fitted to them.
// Intervals are those of the unrounded simulated counts, printed as the
// whole people around them, widened to enclose the count
// ([Count.Range]). No draw puts more people in a sector, or a
// sector at one skill level, than work there: such cells are capped and
// the excess moved to other sectors at the same level, and
// [Headcount.Capped] says how often ([Headcount], "The workforce cap"); a
// point total above the whole workforce is an error wrapping
// [ErrExceedsWorkforce]. [Count.Samples] gives the draws of each sector,
// aligned across sectors, for models downstream. A nil *Headcount
// behaves as the zero, empty Headcount.
//
// Every figure of a Headcount is a [Count]: [Headcount.Total],
// [Headcount.Cell] (sector × skill level), [Headcount.BySector],
// [Headcount.BySkill], [Headcount.ByBand], [Headcount.ByDestination] and
// [Headcount.ByDestinationSector], [Headcount.ByDestinationSkill] and
// [Headcount.ByDestinationBand] each return one, with the whole number N,
// the unrounded Expected count, the group's Workforce, and the methods
// Interval, Range, Summary, Samples, Share and ShareOf.
//
// # The headcount table
//
// One schema, the same in [Headcount.WriteCSV], [Headcount.MarshalJSON]
// and the example commands (examples/headcount, examples/exodus). The CSV
// has one record per sector and skill level, with the columns of
// [HeadcountCSVHeader]:
//
//   - sector: the section letter, "A" to "U" ([Sector.String]);
//   - sector_title: its English title ([Sector.Title]);
//   - skill_level: the ILO skill level, "1" to "4";
//   - count: whole people who left ([Headcount.Cell], [Count].N);
//   - lo, hi: the interval at [Headcount.Level] (90% by default) as whole
//     people that enclose count ([Count.Range]);
//   - sector_workforce: the sector's whole workforce, persons
//     ([Headcount.BySector], [Count].Workforce);
//   - share_of_sector_workforce: count / sector_workforce
//     empty when the sector has no workforce.
//
// Numbers are written in the shortest form that reads back exactly. The
// JSON object uses the same names:
//
//	{"level": 0.9, "draws": 100000,
//	 "total": {"count": 809388, "lo": 451665, "hi": 1729510},
//	 "sectors": [{"sector": "A", "sector_title": "...", "count": ..., "lo": ..., "hi": ...,
//	              "sector_workforce": ..., "share_of_sector_workforce": ...,
//	              "cells": [{"skill_level": "1", "count": ..., "lo": ..., "hi": ...,
//	                         "share_of_sector_workforce": ...}, ...]}, ...],
//	 "skill_levels": [{"skill_level": "1", "count": ..., "lo": ..., "hi": ...}, ...],
//	 "bands": [{"band": "low", "count": ..., "lo": ..., "hi": ...}, ...],
//	 "capped": {"capped": draws, "total_capped": draws, "sectors": {"J": draws},
//	            "point_moved": persons, "point_sectors": ["J"]},
//	 "sources": [...], "notes": [...]}
//
// A share that is not a number is null. Text output prints the same
// counts and ranges ([Headcount.String]).
//
// # Destinations
//
// [Destination] is a country identified by its ISO 3166-1 alpha-2 code
// (English and Russian names, ISO 4217 currency, whether the Bank of
// Russia's daily file lists it: [Destination.CBRListed]), or
// [OtherDestinations]. A [Scenario].Destinations ([DestinationMix]: shares,
// or counts scaled to the total, possibly uncertain, and an optional
// destination × sector seed) makes a [Headcount] also give whole people by
// destination, destination × sector, destination × skill level and band,
// each with an interval, all adding up to the sector × skill table's
// totals ([DestinationMix] says how). By default the sector mix is the
// same in every destination: an assumption. [DefaultDestinationRanges]
// holds the sourced figures (The Bell, July 2024, as the central figure;
// host-country statistics and estimates as ranges), [MovedOnShare],
// [MovedOnByCountry] and [ReturnedShare] the context (onward migration,
// returns).
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
//   - [ILOSTATSectorEducation]: ILOSTAT, employment by ISIC Rev.4 section
//     and education (ISCED-97 levels as published), 2021 and 2022, from
//     the same survey; the coding of education breaks between the two
//     years. Its degree-holding ("advanced") share of each section feeds
//     [DefaultSectorProfile].
//   - [DefaultEmployment] and [DefaultWorkforce] combine them: section
//     totals from Rosstat, the occupation mix within each section from
//     ILOSTAT, as the two measure employment differently (by up to 2.5
//     million in trade). Each returned table says so in its sources.
//
// Not embedded, because no source was found: employment by ISCO-08
// sub-major group (which would fix the split of managers between levels 3
// and 4, and would locate ICT professionals, ISCO 25, by section), ISCO
// group 0 for Russia, and any survey share of emigrants in finance,
// health, engineering, trade or science.
//
// # Data caveats
//
// Two concepts of employment. Rosstat's figures come from its balance of
// labour resources: the persons employed, by the activity of the employing
// unit (workplace-based), an estimate that integrates several sources
// («расчеты на основе интеграции данных»), revised for the 2020 census, and from 2022 excluding the DPR,
// LPR, Zaporozhye and Kherson regions. ILOSTAT's come from the labour force
// survey: persons, by the activity of their main job. The totals differ by
// 1.6 million in 2021 and 0.07 million in 2022, single sections by up to
// 2.5 million (trade, 13.36 against 10.88 million in 2021; construction,
// 6.53 against 4.78), and education and public administration are 1.2 to
// 1.6 million higher in the survey. So the default takes section sizes
// from Rosstat only and the occupation mix within each section from
// ILOSTAT only; never add figures of one to figures of the other.
//
// Sections T and U. Rosstat does not publish them; its total less sections
// A–S (63.4 thousand in 2021, 60.7 in 2022) is a computed residual, not a
// published figure. The default divides it between T and U in proportion
// to ILOSTAT's T and U; ILOSTAT's U for 2021 is itself not published and is
// taken as its grand total less the published sections (0.624 thousand).
//
// Suppressed cells. ILOSTAT suppresses small, unreliable cells (listed in
// [ILOSTATSectorOccupation]; 2.4 thousand persons in 2021 and 1.2 thousand
// in 2022 in all). They are missing (NaN), never zero. The default divides
// each section's gap evenly among its suppressed cells
// ([Table.SpreadMissing]); the source gives no split.
//
// A break between years. ILOSTAT's total rises by 2.1 million from 2021 to
// 2022 against Rosstat's 0.46 million, with managers down 0.57 million and
// clerks up 0.62 million: most likely a coding or weighting change in the
// survey, which the data do not flag. Do not read the two years as a
// series. No ISCO group 0 (armed forces) is published for Russia.
//
// Labour force and employment. "1.5% of the workforce" refers to the
// labour force (75.1 million in November 2022, the unemployed included),
// while headcounts are spread over employment (71.9 million in Rosstat's
// 2022 figure); with the defaults, 1.5% of the labour force is 1.57% of
// each sector's employment ([Scenario].Base). With a Workforce table of
// your own and no Base, a Share is a share of that table's total
// employment.
//
// # Conventions
//
// Counts are persons unless a function says thousands (the published
// tables). Shares are fractions in [0, 1]. Intervals are equal-tailed and
// their level is a probability, 0.9 by default. All functions are safe for
// concurrent use; no function keeps or modifies a slice it is given.
//
// Errors name the bad value, where there is one, and wrap one of the
// sentinel errors ([ErrUnknownCode], [ErrBadValue], [ErrShape],
// [ErrMissing], [ErrInconsistent], [ErrInfeasible], [ErrNotConverged],
// [ErrNoData], [ErrSyntax], [ErrExceedsWorkforce]); test for them with
// [errors.Is]. Nothing panics
// on bad data: only the Must functions, meant for literals, and index
// accessors such as [Table.At] do, like a slice index.
package workforce
