// Package exodus answers one question: when a wave of people leaves a
// country, what does it do to the labour market, in people and in money?
//
// It turns uncertain, conflicting, named figures (the UK Ministry of
// Defence's "up to 1.3 million", Forbes, The Bell and RTVi's "600,000 to 1
// million", Alfa Bank's "1.5% of the workforce", the Central Bank of
// Russia's "1.2 trillion roubles") into defensible numbers that keep their
// sources.
//
// # Packages
//
//   - [github.com/exodus-lab/exodus/estimate]: uncertain quantities
//     (ranges, distributions, conflicting sources pooled with a named method)
//     and a fast, seeded, parallel Monte Carlo engine that propagates them
//     through plain Go models into intervals.
//   - [github.com/exodus-lab/exodus/workforce]: economic sectors (ISIC Rev.4
//     / OKVED2 sections), occupations (ISCO-08) and skill levels; labelled
//     tables; apportionment into integers that add up exactly; iterative
//     proportional fitting; controlled rounding; and headcounts of who left,
//     on embedded, sourced employment data for Russia.
//   - [github.com/exodus-lab/exodus/finance]: exact money (shopspring/decimal),
//     ISO 4217 currencies, dated official exchange rates (Central Bank of
//     Russia, ECB) with their sources, cross rates, and headline formatting
//     such as "£12bn".
//
// This root package holds only what they all share: [Source], which says
// where a figure comes from. It imports none of the subpackages.
//
// Imports point one way: estimate and finance know nothing of each other;
// workforce uses estimate; all of them use exodus.
//
// # A ten-line tour
//
// The package Example runs the same tour.
//
//	n, _ := estimate.Between(600_000, 1_000_000) // Forbes, The Bell, RTVi: a 90% interval
//	n = n.Named("emigrants, 2022").WithSources(exodus.Source{Publisher: "The Bell"})
//	fmt.Println(n) // 770k (90%: 600k–1.0M)
//
//	h, _ := workforce.NewHeadcount(ctx, workforce.Scenario{Total: n})
//	fmt.Println(h.BySector(workforce.Information)) // whole people and their range, adding up to h.Total().N
//
//	rub := finance.MustParseAmount("1.2 trillion roubles")
//	usd, _ := finance.DefaultRates().Convert(rub, finance.USD, time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC))
//	fmt.Println(usd, usd.Compact()) // 13804400842.99 USD $13.8bn, at the CBR rate of 25.02.2022
//
// The command examples/exodus reproduces the whole article from the embedded
// data: go run ./examples/exodus.
//
// # Conventions
//
// Enumerations (finance.RoundingMode, finance.Basis, estimate.PoolMethod,
// estimate.QuantileMethod, workforce.Sector, workforce.ApportionMethod,
// workforce.ITMapping, impact.Technology and the others) follow one rule:
// the named values start at 1, and the zero value is never one of them. It
// is an explicit unknown (finance.UnknownBasis, impact.TechnologyUnknown),
// or invalid where it is an argument (a function given it returns an
// error), or "unset" where it is a field of an options struct or the mode
// of a function that cannot fail, and then means the default its doc names
// (estimate.Options.Quantile: Hyndman–Fan type 7; workforce.Scenario's
// ITMapping: section J; finance.Amount.RoundTo: half to even). Every String
// method names undefined values, as "ApportionMethod(0)", and never panics.
//
// The API is listed in api/exodus.txt; see the README's Compatibility
// section for what may change before v1.
package exodus
