// Package estimate turns uncertain figures from named sources into
// distributions, pools conflicting sources with a named method, and
// propagates them through plain Go models with a fast, reproducible,
// parallel Monte Carlo engine.
//
// # Estimates
//
// An [Estimate] is an immutable univariate distribution with a name and
// its sources ([exodus.Source]). Ranges as publishers state them become
// distributions with [Between] (a positive count or amount, lognormal),
// [NormalBetween] (a signed quantity) and [ShareBetween] (a share in
// (0, 1), logit-normal), each reading the range as a central 90% interval
// (the Level variants take another level). [PERT] and [Triangular] take
// "lowest, most likely, highest"; [Uniform], [Normal], [LogNormal] and
// [Beta] are the textbook families; [Point] is a figure without spread.
// Constructors reject NaN, ±Inf, lo ≥ hi, sd ≤ 0 and a mode outside
// [lo, hi] with a [*ParamError] that names the value.
//
// # Pooling
//
// [Pool] and [PoolWeighted] combine estimates of one quantity from
// different publishers by the linear opinion pool, the logarithmic pool or
// inverse-variance pooling in log space ([PoolMethod]); the result records
// the method, the inputs and the [Diagnostics] (Cochran's Q and I² in log
// space, and the pairs of 90% intervals that do not overlap). A point, such
// as "up to 1.3 million", cannot enter a pool until it is given a spread:
// the error wraps [ErrNoSpread].
//
// # Monte Carlo
//
// A [Model] declares inputs ([Model.Input], [Model.Shares]); [Model.Run]
// evaluates a plain Go [Func] over many draws and returns a [Result] with a
// [Summary] per output: mean, SD, Monte Carlo standard error, quantiles,
// the equal-tailed and the shortest coverage interval (JCGM 101:2008 §7.7)
// and the raw samples. Within a draw every input has one value, however
// often it is read, so x − x = 0.
//
// Runs are reproducible: draws are split into chunks of 1000, chunk k
// draws from a ChaCha8 stream keyed by ([Options].Seed, k), and outputs are
// stored by draw index, so the same seed gives bit-identical results for
// any number of workers and any GOMAXPROCS. There is no package-level
// random source and no setting that changes results.
//
// # Conventions
//
// Sample quantiles follow Hyndman and Fan (1996) type 7 unless
// [Options].Quantile selects another [QuantileMethod]. Intervals are
// central (equal-tailed) unless named shortest. Adaptive runs follow JCGM
// 101:2008 §7.9 with a tolerance relative to each output's standard
// deviation.
package estimate
