// Package estimate turns uncertain figures from named sources into
// distributions, pools conflicting sources with a named method, and
// propagates them through plain Go models with a fast, reproducible,
// parallel Monte Carlo engine.
//
// # Estimates
//
// An [Estimate] is an immutable univariate distribution with a name and
// its sources ([exodus.Source]). Ranges as publishers state them become
// distributions with [Between] (a positive count or amount: lognormal),
// [NormalBetween] (a signed quantity: normal) and [ShareBetween] (a share
// in (0, 1): logit-normal), each reading the range as a central 90%
// interval; [BetweenLevel], [NormalBetweenLevel] and [ShareBetweenLevel]
// take another level. [PERT], [PERTLambda] and [Triangular] take "lowest,
// most likely, highest"; [Uniform], [Normal], [LogNormal] and [Beta] are the
// textbook families; [Point] is a figure without spread.
//
// Constructors reject NaN, ±Inf, magnitudes above [MaxMagnitude], lo ≥ hi,
// sd ≤ 0, a mode outside [lo, hi], an interval level outside (0, 1), beta
// and PERT shapes above 10⁶, and lognormals whose mean or SD would overflow
// float64, with a [*ParamError] that names the parameter and its value and
// wraps [ErrInvalid]. Whatever builds an estimate (a constructor, a pool,
// the JSON decoder) checks the one invariant that makes it usable: every
// parameter, given or derived (the σ of a range, the SD of a pool), obeys
// its family's rules, so that its JSON decodes, and its mean, SD, median
// and 90% interval are finite, so that its JSON encodes. A range whose σ
// would round to 0 or exceed [MaxMagnitude], such as NormalBetween(0,
// 5e-324), is an error naming the bound at fault, never a point or an
// estimate its own decoder refuses. Methods on the zero Estimate return NaN, never panic,
// except [Estimate.Sample] given a nil *rand.Rand, a programming error on
// which Sample panics for every Estimate.
//
// [Estimate.Quantile] is exact in closed form for the uniform, triangular,
// normal, lognormal and logit-normal families, and found to about 15
// significant digits by safeguarded Newton iteration on the distribution
// function for the beta, PERT and pooled ones. [Estimate.Interval] of the
// normal, lognormal and logit-normal is exact in closed form at any level,
// so BetweenLevel(lo, hi, level).Interval(level) gives lo and hi back.
// [Estimate.Variance], the density ([Estimate.Prob], [Estimate.LogProb],
// in closed form in the tails) and [Estimate.Survival] (from the upper
// tail, precise where the CDF rounds to 1) are there as in gonum's distuv.
// [Estimate.String] prints the median and the 90% interval: "780k (90%:
// 610k–1.0M)", with k, M, bn and trn (trillion, as finance writes it);
// Printf's %f, %e and %g print the same three numbers in full
// ([Estimate.Format]).
//
// # Pooling
//
// [Pool] and [PoolWeighted] combine estimates of one quantity from
// different publishers by the linear opinion pool, the logarithmic pool or
// inverse-variance pooling in log space ([PoolMethod]). In short: the
// linear pool when the sources are rival accounts of which one is right
// (the safe default for headline ranges; it stays wide where they
// disagree); the logarithmic pool when each is a partly informed judgement
// of the same thing (it centres on their common ground); inverse variance
// only for independent measurements with honest spreads (it is narrower
// than every input, so check I² first). [PoolWeighted] gives the details.
// The result records the method, the inputs and the
// weights and lists every input's sources; its [Diagnostics] ([Diagnose]
// computes them alone) give Cochran's Q, its p-value and I² in log space,
// and the pairs of 90% intervals that do not overlap (counted, and the
// first 100 listed); [Diagnostics.String]
// reads them in one line, with Higgins et al.'s (2003) words for I². A point, such as the
// UK Ministry of Defence's "up to 1.3 million", cannot enter a pool until
// the caller gives it a spread: the error wraps [ErrNoSpread]. There is no
// silent default. Pooling n estimates takes O(n log n) time and O(n)
// memory (a tabulated logarithmic pool evaluates each input's density on
// 2 × 8192 cells). A pool holds at most 1,000,000 estimates below it,
// counting the inputs of pooled inputs, and nests at most 16 pools deep:
// the bounds its JSON decoder applies, so that every pool round-trips.
//
// # JSON
//
// An [Estimate] encodes as an object with its name, family, parameters,
// median, 90% interval, mean, SD and sources, and for a pool its method,
// weights and inputs ([Estimate.MarshalJSON]). Decoding rebuilds every
// parametric family exactly from the family and its parameters, and
// pooled mixtures and tabulated logarithmic pools from their inputs
// ([Estimate.UnmarshalJSON]); the table of [Summary.Estimate] is not
// stored, so decoding it is an error, never a silent zero. A [Composition]
// encodes its kind ("dirichlet", "range" or "fixed") and that kind's
// parameters, and decodes exactly, also from a hand-written
// "dirichlet-mean" ([Composition.MarshalJSON], [Composition.UnmarshalJSON]).
// A [Summary]
// encodes its draws, mean, SD, standard error, median and 90% interval,
// one way ([Summary.MarshalJSON]): decoding into one is an error
// ([Summary.UnmarshalJSON]). Numbers that are undefined (NaN), such as the
// SD of one draw or the Q of a single pooled estimate, are written as null
// ([Diagnostics.MarshalJSON]), so a [Pooling] always encodes.
//
// # Compositions
//
// A [Composition] draws K shares that add up to exactly 1 in every draw:
// [Dirichlet], [DirichletMean] (expected shares and a concentration),
// [RangeShares] (a range per category, renormalised per draw, as when
// surveys put IT at 27–45% of emigrants) and [FixedShares].
//
// # Monte Carlo
//
// A [Model] declares inputs ([Model.Input], [Model.Shares]); [Model.Run]
// evaluates a plain Go [Func] over many draws and returns a [Result] with a
// [Summary] per output: mean, SD, Monte Carlo standard error, quantiles,
// the equal-tailed and the shortest coverage interval (JCGM 101:2008 §7.7)
// and the raw samples. Within a draw every input has one value, however
// often the model reads it, so x − x = 0 and x·x is a square. A model may
// return one output or many (21 sectors × 4 skill levels); the result
// keeps 8 bytes per output per draw, in draw order, and finds quantiles by
// selection rather than by sorting a copy (see [Summary] for the cost).
// With [Options].Stream it keeps none: mean and SD stay exact and
// quantiles come from a sketch within 0.1% ([StreamAccuracy]).
//
// Runs are reproducible: draws are split into chunks of 1000; chunk k
// draws from a ChaCha8 stream keyed by ([Options].Seed, k); outputs are
// stored by draw index. So the same seed gives bit-identical results for
// any number of workers and any GOMAXPROCS, and the first n draws of a run
// are the same whatever its total. (Across CPU architectures the last bits
// may differ, as Go may fuse multiply-adds and some math functions have
// assembly versions.) [Result.Seed] records the seed, for audit. Runs use every core by default and do
// not allocate per draw. [Options] also give cancellation (through the
// context, checked between chunks: Run returns once each worker finishes
// the chunk of 1000 draws it is in), a progress callback, and an adaptive
// mode that draws until the results are stable to a tolerance (JCGM
// 101:2008 §7.9) and reports the draws used.
//
// There is no package-level random source and no setting that changes
// results: every random stream comes from the caller's seed or *rand.Rand.
//
// # Conventions
//
//   - Intervals are central (equal-tailed) unless named shortest; "90%"
//     means the 5% and 95% quantiles.
//   - The default interval level is 90%: ranges read by [Between] and its
//     kin, [Estimate.String], [Summary.String], the diagnostics and the
//     JSON's lo90 and hi90. The one exception is [Options].Coverage, the
//     interval the adaptive mode stabilises, which defaults to 95% as in
//     JCGM 101:2008 (§7.9, §9); it changes when a run stops, not what it
//     reports.
//   - Sample quantiles follow Hyndman and Fan (1996) type 7, the default of
//     R, numpy and Squiggle, unless [Options].Quantile selects another
//     [QuantileMethod].
//   - Sample standard deviations divide by n − 1.
//   - Log-space diagnostics read each estimate as a lognormal through its
//     median and 90% interval.
//
// # Zero values
//
// The zero [Options] run [DefaultDraws] draws with seed 0 on GOMAXPROCS
// workers, with type 7 quantiles and no progress callback. The zero
// [QuantileMethod] is type 7. The zero [Model] is empty and ready for
// inputs. The zero [Estimate], [Composition] and [Summary] are invalid or
// empty: their methods return NaN, 0 or nil, never panic (but Sample
// panics on a nil *rand.Rand, whatever the value), and they cannot
// enter a pool or a model. The zero [PoolMethod] is invalid, so a pool always names its
// method.
package estimate
