// Package impact values what the departures counted by a
// [workforce.Headcount] cost Russia: the wage bill that left, the gross
// value added at risk and the economy-wide effect through input–output
// multipliers, by sector and in total, in roubles of a named year and as
// a share of GDP, each with an interval from the same Monte Carlo draws as
// the headcount.
//
//	h, _ := workforce.NewHeadcount(ctx, workforce.Scenario{Total: estimate.Must(estimate.Between(650_000, 900_000))})
//	im, err := impact.Assess(ctx, h, impact.Options{Year: 2022})
//	t := im.Total()            // t.WageBill, t.ValueAdded, t.EconomyWide: Point, Lo, Hi in roubles of 2022
//	im.ShareOfGDP(t.ValueAdded) // the same as a fraction of 2022 GDP
//	im.Method()                 // one paragraph of method and caveats for a report
//
// # Method
//
// [Assess] takes, for each sector, the people who left (the headcount's
// draws) less the share who kept working for Russian employers, whose
// output Russia keeps ([Options].Remote, by default 13–25%:
// [DefaultRemoteShare]), and multiplies them by:
//
//   - the labour income per person of their section, on one of two bases
//     ([Basis]): Rosstat's average wage of employees of organisations ×
//     12 ([WageBasis], the default), or compensation of employees per
//     employed person from the national accounts ([CompensationBasis]);
//     this is the wage bill lost;
//   - gross value added per employed person (Rosstat GVA / Rosstat
//     employment, the same workplace-based concept), with L 68 for real
//     estate: the value added at risk;
//   - for the economy-wide effect, the sector's type I value-added
//     multiplier ([Multipliers]) from the 2019 supply and use table.
//
// Results come as a [SectorImpact] per sector and in total, each figure a
// [Figure] (point, lower and upper end at the headcount's level). Points
// use the headcount's whole-number point and the median remote share;
// intervals pair draw i of the headcount with draw i of the remote share,
// so that sectors and totals are consistent draw by draw. The data's own
// uncertainty is nil unless the caller gives some ([Options].ValueFactor).
//
// # Money
//
// Results are float64 roubles of the chosen year (current prices), not
// finance.Amount, and this package does not import finance. The figures
// are Monte Carlo statistics (medians, quantiles) of products of floats
// with three or four significant digits of meaning; an exact decimal
// Amount would claim a precision they do not have, and package finance
// keeps floats out on purpose. To show a result in another currency,
// round it and convert it at a named date:
//
//	rub := finance.NewAmount(decimal.NewFromFloat(t.ValueAdded.Point).Round(-9), finance.RUB)
//	usd, err := finance.DefaultRates().Convert(rub, finance.USD, day)
//
// # Caveats
//
// Wages. The wage table covers employees of organisations (small firms
// included), not the self-employed or informal workers. Multiplied by all
// the employed of 2019 it gives 41.1 trillion roubles against the national
// accounts' 30.8 trillion of wages (D11): 34% too much in total, 1.5–2.6
// times in agriculture, construction, trade, transport and hotels, and
// only 55% in public administration. Sections S, T and U have no wage;
// they are not valued on the wage basis, and the totals say how many
// people that leaves out.
//
// Value added. Section L's GVA includes the imputed rent of
// owner-occupied dwellings (60–66% of it), which no one is employed to
// produce, so L is valued with L 68 only. Section B's GVA per worker (15.8
// million roubles in 2022, eight times the average) is mostly resource
// rent, which stays in the ground when a miner leaves: its value added at
// risk is flagged ([SectorImpact].Flag). T has no employment figure and U
// no GVA: neither is valued.
//
// Multipliers. Leontief multipliers are demand-driven: they say how much
// output and value added all sectors lose when final demand for one
// sector's output falls. Losing workers is a supply shock. Applying them
// to the value added at risk treats the lost output as if final demand
// for it had fallen, a demand-driven approximation of a supply shock and
// the standard caveat of the input–output literature (Miller and Blair
// 2009; their ch. 12 gives the supply-side (Ghosh) alternative, which is
// not computed here). It assumes that no one replaces the emigrants and
// that buyers do not switch to imports, so it is an upper reference rather
// than a forecast; summed over sectors it can count an indirect loss in a
// sector that has already lost its own workers. The coefficients are
// those of 2019, at 2019 prices, before the 2022 sanctions changed import
// shares; no later supply and use table was found.
//
// Remote work. Surveys find 13% (OutRush, summer 2023) to about 23%
// (RANEPA, 2024) of emigrants still working for Russian employers; the
// Ministry of Digital Development's 80% for IT specialists is an outlier
// and not used ([Context] lists it). Use [Options].RemoteBySector to try
// it for section J.
//
// # Input–output arithmetic
//
// [Matrix] is a small immutable dense matrix (gonum does the linear
// algebra inside; it is not in the API). [Coefficients] gives A = Z x̂⁻¹,
// [Leontief] L = (I − A)⁻¹ by LU factorisation, checking that A is
// productive (a negative element of L means a spectral radius ≥ 1;
// [SpectralRadius] reports it), and [NewMultipliers] the type I output,
// value-added and compensation multipliers. [NewSUT] turns a supply and
// use table into a symmetric table under a named [Technology]:
// [FixedProductSales] (Eurostat Model D, industry × industry, the default)
// or [IndustryTechnology] (Model B, product × product).
//
// # Embedded data
//
// All embedded figures are in workforce/impact/data/ with their sources,
// and carry an [exodus.Source] through the API:
//
//   - [Wages]: Rosstat, average monthly nominal accrued wage of employees
//     of organisations by OKVED2 section, A–R, 2019–2025 (2025
//     preliminary); S, T and U are not published and are missing.
//   - [GVA]: Rosstat, gross value added at basic prices by section, A–T,
//     2019–2025, with the L 68 / owner-occupied split, total GVA, net
//     taxes on products and GDP; U is not published and is missing.
//   - [SUT2019] and [SUT2019Industries]: Rosstat's 2019 supply and use
//     tables, 61 OKVED2 groups summed to the sections A–T: supply V, use
//     of domestic output U_d, and by industry output P1, GVA B1g,
//     compensation D1, wages D11, imported inputs P7 and net taxes on
//     inputs.
//   - [Context]: staff-shortage indicators (Gaidar Institute, Bank of
//     Russia, Rosstat, Institute of Economics RAS) to cite beside the
//     results; they are not model inputs.
//
// The tests rebuild every published total from the embedded cells:
// sections add up to total GVA, GVA plus net taxes to GDP, L 68 plus
// owner-occupied dwellings to L, the supply table's columns to industry
// output, intermediate use plus GVA to output, and L·D·f_d to industry
// output.
//
// # Conventions
//
// Matrices are indexed from 0, rows first. Money is float64 roubles of
// [Impact.Year] unless a function says billion (the published GVA) or
// million (the supply and use table). Shares are fractions. All functions
// are safe for concurrent use; none keeps or modifies a slice or map it is
// given. Errors name the bad value and wrap one of [ErrBadValue],
// [ErrShape], [ErrSingular], [ErrNotProductive], [ErrNoData] and
// [ErrMissing], or an error of the workforce or estimate package; nothing
// panics on bad data, only [MustNewMatrix] and [Matrix.At] out of range.
package impact
