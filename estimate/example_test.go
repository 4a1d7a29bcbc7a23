package estimate_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
)

// Forbes, The Bell and RTVi put the 2022 emigration from Russia at 600,000
// to 1 million. Between reads the range as a 90% interval of a lognormal.
func ExampleBetween() {
	n, err := estimate.Between(600_000, 1_000_000)
	if err != nil {
		panic(err)
	}
	n = n.Named("emigrants, 2022").WithSources(exodus.Source{Publisher: "The Bell"})
	fmt.Println(n.Name()+":", n)
	fmt.Printf("mean %.0f, sd %.0f\n", n.Mean(), n.SD())
	// Output:
	// emigrants, 2022: 770k (90%: 600k–1.0M)
	// mean 783992, sd 122476
}

func ExampleBetweenLevel() {
	n, _ := estimate.BetweenLevel(600_000, 1_000_000, 0.5) // an interquartile range
	lo, hi := n.Interval(0.9)
	fmt.Printf("90%%: %.0f to %.0f\n", lo, hi)
	// Output:
	// 90%: 415497 to 1444052
}

func ExampleNormalBetween() {
	// A change that may be negative: −2% to +6%.
	d, _ := estimate.NormalBetween(-0.02, 0.06)
	fmt.Println(d)
	fmt.Printf("P(change < 0) = %.3f\n", d.CDF(0))
	// Output:
	// 0.020 (90%: -0.020 to 0.060)
	// P(change < 0) = 0.205
}

func ExampleNormalBetweenLevel() {
	d, _ := estimate.NormalBetweenLevel(-1, 3, 0.95)
	fmt.Printf("mean %.1f, sd %.4f\n", d.Mean(), d.SD())
	// Output:
	// mean 1.0, sd 1.0204
}

// The share of emigrants working in IT was 27% to 45%, depending on the
// survey (ZOiS, 2022; OK Russians, 2022).
func ExampleShareBetween() {
	it, _ := estimate.ShareBetween(0.27, 0.45)
	fmt.Println(it)
	fmt.Printf("mean %.3f; 99.9%% interval %.3f–%.3f, inside (0, 1)\n", it.Mean(), it.Quantile(0.0005), it.Quantile(0.9995))
	// Output:
	// 0.35 (90%: 0.27–0.45)
	// mean 0.357; 99.9% interval 0.199–0.549, inside (0, 1)
}

func ExampleShareBetweenLevel() {
	s, _ := estimate.ShareBetweenLevel(0.1, 0.2, 0.8)
	fmt.Println(s)
	// Output:
	// 0.14 (90%: 0.090–0.22)
}

// An expert's "lowest 1%, most likely 1.5%, highest 3%" of the workforce.
func ExamplePERT() {
	share, _ := estimate.PERT(0.01, 0.015, 0.03)
	fmt.Println(share)
	fmt.Printf("mean %.4f (hand: (0.01 + 4·0.015 + 0.03)/6 = 0.0167)\n", share.Mean())
	// Output:
	// 0.016 (90%: 0.012–0.023)
	// mean 0.0167 (hand: (0.01 + 4·0.015 + 0.03)/6 = 0.0167)
}

func ExamplePERTLambda() {
	flat, _ := estimate.PERTLambda(0, 30, 100, 1)
	peaked, _ := estimate.PERTLambda(0, 30, 100, 20)
	fmt.Println(flat)
	fmt.Println(peaked)
	// Output:
	// 42 (90%: 6.2–86)
	// 31 (90%: 17–49)
}

func ExampleTriangular() {
	t, _ := estimate.Triangular(0, 2, 10)
	fmt.Printf("%v, mean %.2f\n", t, t.Mean())
	// Output:
	// 3.7 (90%: 1.0–8.0), mean 4.00
}

func ExampleUniform() {
	u, _ := estimate.Uniform(100, 200)
	fmt.Println(u)
	// Output:
	// 150 (90%: 105–195)
}

func ExampleNormal() {
	x, _ := estimate.Normal(1000, 100)
	lo, hi := x.Interval(0.95)
	fmt.Printf("95%%: %.1f to %.1f\n", lo, hi)
	// Output:
	// 95%: 804.0 to 1196.0
}

func ExampleLogNormal() {
	x, _ := estimate.LogNormal(0, 1)
	fmt.Printf("median %.3f, mean %.3f\n", x.Median(), x.Mean())
	// Output:
	// median 1.000, mean 1.649
}

func ExampleBeta() {
	b, _ := estimate.Beta(2, 8)
	fmt.Printf("%v, mean %.2f\n", b, b.Mean())
	// Output:
	// 0.18 (90%: 0.041–0.43), mean 0.20
}

// A figure without spread, such as the UK Ministry of Defence's "up to 1.3
// million", is a Point. It cannot be pooled until given a spread.
func ExamplePoint() {
	mod, _ := estimate.Point(1_300_000)
	fmt.Println(mod, mod.IsPoint())
	// Output:
	// 1.3M true
}

// Pool the article's two ranges: "several hundred thousand to a few
// million" (300k–3M) and Forbes, The Bell and RTVi's 600,000–1 million.
func ExamplePool() {
	wide, _ := estimate.Between(300_000, 3_000_000)
	narrow, _ := estimate.Between(600_000, 1_000_000)
	for _, m := range []estimate.PoolMethod{estimate.LinearPool, estimate.LogPool, estimate.InverseVariance} {
		p, err := estimate.Pool(m, wide, narrow)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%-34s %v\n", m.String()+":", p)
	}
	p, _ := estimate.Pool(estimate.InverseVariance, wide, narrow)
	info, _ := p.Pooling()
	d := info.Diagnostics
	fmt.Printf("Q = %.3f (p = %.2f), I² = %.2f, disjoint %v\n", d.Q, d.P, d.I2, d.Disjoint)
	// Output:
	// linear pool:                       800k (90%: 390k–2.3M)
	// logarithmic pool:                  780k (90%: 550k–1.1M)
	// inverse-variance pool (log space): 780k (90%: 610k–1.0M)
	// Q = 0.080 (p = 0.78), I² = 0.00, disjoint []
}

// A point cannot enter a pool: the error says so.
func ExamplePool_point() {
	mod, _ := estimate.Point(1_300_000)
	narrow, _ := estimate.Between(600_000, 1_000_000)
	_, err := estimate.Pool(estimate.LinearPool, mod.Named("UK MoD"), narrow)
	fmt.Println(err)
	// Give it a spread first, for example "1.0 to 1.3 million".
	mod2, _ := estimate.Between(1_000_000, 1_300_000)
	p, _ := estimate.Pool(estimate.LinearPool, mod2, narrow)
	fmt.Println(p)
	// Output:
	// estimate: Pool: estimates[0] "UK MoD" = 1.3e+06 is a point: give it a spread (for example with Between) before pooling: estimate has no spread
	// 1.00M (90%: 635k–1.26M)
}

func ExamplePoolWeighted() {
	wide, _ := estimate.Between(300_000, 3_000_000)
	narrow, _ := estimate.Between(600_000, 1_000_000)
	p, _ := estimate.PoolWeighted(estimate.LinearPool, []float64{1, 3}, wide, narrow)
	info, _ := p.Pooling()
	fmt.Println(p, info.Method, info.Weights)
	// Output:
	// 790k (90%: 510k–1.7M) linear pool [0.25 0.75]
}

func ExampleDiagnose() {
	a, _ := estimate.Between(100, 200)
	b, _ := estimate.Between(1000, 2000)
	d, _ := estimate.Diagnose(a, b)
	fmt.Printf("Q = %.1f, I² = %.2f, disjoint %v\n", d.Q, d.I2, d.Disjoint)
	// Output:
	// Q = 59.7, I² = 0.98, disjoint [[0 1]]
}

// Diagnostics read in one line. The article's two ranges agree within
// their spreads; two ranges a factor of 10 apart do not.
func ExampleDiagnostics_String() {
	wide, _ := estimate.Between(300_000, 3_000_000)
	narrow, _ := estimate.Between(600_000, 1_000_000)
	d, _ := estimate.Diagnose(wide, narrow)
	fmt.Println(d)

	low, _ := estimate.Between(100, 200)
	high, _ := estimate.Between(1000, 2000)
	d, _ = estimate.Diagnose(low, high)
	fmt.Println(d)
	// Output:
	// little disagreement (Q = 0.1 on 1 df, p = 0.78, I² = 0%); all 90% intervals overlap
	// high disagreement (Q = 59.7 on 1 df, p < 0.001, I² = 98%); 1 pair of 90% intervals does not overlap
}

func ExampleEstimate_Sample() {
	n, _ := estimate.Between(600_000, 1_000_000)
	r := rand.New(rand.NewPCG(1, 2)) // a seeded stream: the same values every run
	fmt.Printf("%.0f\n", n.Sample(r))
	// Output:
	// 821607
}

// A simulation with a vector output: emigrants by sector. The total is a
// range; the sector split is a Dirichlet around survey shares.
func ExampleModel_Run() {
	total, _ := estimate.Between(600_000, 1_000_000)
	sectors, _ := estimate.DirichletMean([]float64{0.36, 0.14, 0.15, 0.35}, 60)
	names := []string{"IT", "culture", "teaching", "other"}

	m := estimate.NewModel()
	n := m.Input(total)
	s := m.Shares(sectors)
	res, err := m.Run(context.Background(), len(names), func(d *estimate.Draw, out []float64) {
		for i, share := range d.Shares(s) {
			out[i] = d.Value(n) * share
		}
	}, estimate.Options{Draws: 20_000, Seed: 2022})
	if err != nil {
		panic(err)
	}
	for i, name := range names {
		fmt.Printf("%-9s %v\n", name, res.Output(i))
	}
	// Output:
	// IT        280k (90%: 190k–400k)
	// culture   110k (90%: 55k–180k)
	// teaching  110k (90%: 60k–190k)
	// other     270k (90%: 180k–390k)
}

// Adaptive mode draws blocks until the results are stable to the requested
// tolerance (JCGM 101:2008 §7.9) and reports the draws used.
func ExampleModel_Run_adaptive() {
	n01, _ := estimate.Normal(0, 1)
	m := estimate.NewModel()
	x := m.Input(n01)
	y := m.Input(n01) // a second, independent input with the same distribution
	res, err := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) {
		out[0] = d.Value(x) + d.Value(y)
	}, estimate.Options{Tolerance: 0.02, Seed: 1})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Draws(), res.Converged())
	fmt.Printf("u(y) = %.2f\n", res.Output(0).SD())
	// Output:
	// 20000 true
	// u(y) = 1.42
}

// A result records its seed: with the same model and Draws it reproduces
// every draw, which is what an audit needs.
func ExampleResult_Seed() {
	n, _ := estimate.Between(600_000, 1_000_000)
	m := estimate.NewModel()
	nv := m.Input(n)
	f := func(d *estimate.Draw, out []float64) { out[0] = d.Value(nv) }
	res, _ := m.Run(context.Background(), 1, f, estimate.Options{Draws: 5000, Seed: 2022})
	again, _ := m.Run(context.Background(), 1, f, estimate.Options{Draws: res.Draws(), Seed: res.Seed()})
	fmt.Println(res.Seed(), res.Output(0).Samples()[4999] == again.Output(0).Samples()[4999])
	// Output:
	// 2022 true
}

func ExampleSummary_ShortestInterval() {
	ln, _ := estimate.LogNormal(0, 1)
	m := estimate.NewModel()
	x := m.Input(ln)
	res, _ := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) { out[0] = d.Value(x) }, estimate.Options{Draws: 50_000, Seed: 7})
	s := res.Output(0)
	lo, hi := s.Interval(0.95)
	slo, shi := s.ShortestInterval(0.95)
	fmt.Printf("equal-tailed %.2f–%.2f, shortest %.2f–%.2f\n", lo, hi, slo, shi)
	// Output:
	// equal-tailed 0.14–6.99, shortest 0.02–5.14
}

func ExampleDirichlet() {
	c, _ := estimate.Dirichlet([]float64{2, 3, 5})
	fmt.Println(c.Mean())
	dst := make([]float64, c.Len())
	c.Sample(rand.New(rand.NewPCG(1, 1)), dst)
	fmt.Printf("%.3f\n", dst)
	// Output:
	// [0.2 0.3 0.5]
	// [0.341 0.172 0.486]
}

func ExampleDirichletMean() {
	c, _ := estimate.DirichletMean([]float64{0.3, 0.7}, 100)
	fmt.Println(c.Len(), c.Mean())
	// Output:
	// 2 [0.3 0.7]
}

// Per-sector ranges from surveys, renormalised so every draw sums to 1.
func ExampleRangeShares() {
	it, _ := estimate.ShareBetween(0.27, 0.45)
	culture, _ := estimate.ShareBetween(0.1, 0.2)
	rest, _ := estimate.ShareBetween(0.4, 0.6)
	c, _ := estimate.RangeShares([]estimate.Estimate{it, culture, rest})
	fmt.Printf("%.3f\n", c.Mean())
	// Output:
	// [0.356 0.145 0.499]
}

func ExampleFixedShares() {
	c, _ := estimate.FixedShares([]float64{1, 1, 2})
	fmt.Println(c.Mean())
	// Output:
	// [0.25 0.25 0.5]
}

func ExampleEstimate_Interval() {
	n, _ := estimate.Between(600_000, 1_000_000)
	lo, hi := n.Interval(0.5)
	fmt.Printf("50%%: %.0f to %.0f\n", lo, hi)
	fmt.Printf("P(n ≤ 1M) = %.2f\n", n.CDF(1_000_000))
	// Output:
	// 50%: 697573 to 860125
	// P(n ≤ 1M) = 0.95
}

// String prints the median and the central 90% interval with two
// significant digits, or more where two would move a figure by over 5% of
// the interval's width, with k, M, bn and tn suffixes; very small and very
// large magnitudes use exponents.
func ExampleEstimate_String() {
	for _, e := range []estimate.Estimate{
		estimate.Must(estimate.Between(600_000, 1_000_000)), // emigrants
		estimate.Must(estimate.ShareBetween(0.27, 0.45)),    // a share
		estimate.Must(estimate.NormalBetween(-3e6, 1e6)),    // a signed change
		estimate.Must(estimate.Between(1.08e12, 1.32e12)),   // roubles
		estimate.Must(estimate.Between(2e-6, 8e-6)),         // tiny
		estimate.Must(estimate.Between(2e15, 8e15)),         // huge
		estimate.Must(estimate.Point(1_300_000)),            // a point
	} {
		fmt.Println(e)
	}
	// Output:
	// 770k (90%: 600k–1.0M)
	// 0.35 (90%: 0.27–0.45)
	// -1.0M (90%: -3.0M to 1.0M)
	// 1.19trn (90%: 1.08trn–1.32trn)
	// 4.0e-06 (90%: 2.0e-06–8.0e-06)
	// 4.0e+15 (90%: 2.0e+15–8.0e+15)
	// 1.3M
}

func ExampleEstimate_Quantile() {
	n, _ := estimate.PERT(600_000, 700_000, 1_500_000)
	fmt.Printf("median %.0f, 95th percentile %.0f\n", n.Quantile(0.5), n.Quantile(0.95))
	// Output:
	// median 789776, 95th percentile 1096254
}

func ExampleEstimate_WithSources() {
	n, _ := estimate.Between(600_000, 1_000_000)
	n = n.Named("emigrants, 2022").WithSources(
		exodus.Source{Publisher: "Forbes Russia"},
		exodus.Source{Publisher: "The Bell"},
		exodus.Source{Publisher: "RTVi"},
	)
	for _, s := range n.Sources() {
		fmt.Println(s)
	}
	// Output:
	// Forbes Russia
	// The Bell
	// RTVi
}

func ExampleEstimate_Pooling() {
	wide, _ := estimate.Between(300_000, 3_000_000)
	narrow, _ := estimate.Between(600_000, 1_000_000)
	p, _ := estimate.Pool(estimate.InverseVariance, wide.Named("article"), narrow.Named("Forbes, The Bell, RTVi"))
	info, _ := p.Pooling()
	for i, in := range info.Inputs {
		fmt.Printf("%-24s weight %.3f\n", in.Name(), info.Weights[i])
	}
	// Output:
	// article                  weight 0.047
	// Forbes, The Bell, RTVi   weight 0.953
}

// Within a draw an input has one value: x − x is exactly 0.
func ExampleNewModel() {
	x, _ := estimate.Normal(0, 1)
	m := estimate.NewModel()
	v := m.Input(x)
	res, _ := m.Run(context.Background(), 2, func(d *estimate.Draw, out []float64) {
		out[0] = d.Value(v) - d.Value(v)
		out[1] = d.Value(v) * d.Value(v)
	}, estimate.Options{Draws: 10_000, Seed: 1})
	fmt.Printf("x − x: mean %v, SD %v\n", res.Output(0).Mean(), res.Output(0).SD())
	fmt.Printf("x²: mean %.2f\n", res.Output(1).Mean())
	// Output:
	// x − x: mean 0, SD 0
	// x²: mean 1.00
}

func ExampleComposition_Sample() {
	c, _ := estimate.DirichletMean([]float64{0.36, 0.64}, 40)
	r := rand.New(rand.NewPCG(1, 2))
	dst := make([]float64, c.Len())
	for range 3 {
		c.Sample(r, dst)
		fmt.Printf("%.3f sum %v\n", dst, dst[0]+dst[1])
	}
	// Output:
	// [0.372 0.628] sum 1
	// [0.258 0.742] sum 1
	// [0.353 0.647] sum 1
}

// A derived figure keeps the sources of its inputs and can feed another
// model or a pool.
func ExampleSummary_Estimate() {
	n, _ := estimate.Between(600_000, 1_000_000)
	it, _ := estimate.ShareBetween(0.27, 0.45)
	m := estimate.NewModel()
	nv := m.Input(n.WithSources(exodus.Source{Publisher: "The Bell"}))
	iv := m.Input(it.WithSources(exodus.Source{Publisher: "ZOiS"}))
	res, _ := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) {
		out[0] = d.Value(nv) * d.Value(iv)
	}, estimate.Options{Draws: 20_000, Seed: 3})
	itWorkers := res.Output(0).Estimate().Named("IT workers who left")
	fmt.Println(itWorkers.Name()+":", itWorkers)
	fmt.Printf("P(> 300k) = %.2f\n", 1-res.Output(0).CDF(300_000))
	fmt.Println(itWorkers.Sources())
	// Output:
	// IT workers who left: 270k (90%: 190k–390k)
	// P(> 300k) = 0.34
	// [The Bell ZOiS]
}

// Bad parameters give a *ParamError naming the value, which wraps
// ErrInvalid.
func ExampleParamError() {
	_, err := estimate.Between(-5, 10)
	fmt.Println(err)
	fmt.Println(errors.Is(err, estimate.ErrInvalid))
	if pe, ok := errors.AsType[*estimate.ParamError](err); ok {
		fmt.Println(pe.Param, pe.Value)
	}
	_, err = estimate.Triangular(0, 12, 10)
	fmt.Println(err)
	// Output:
	// estimate: Between: lo = -5: must be > 0
	// true
	// lo -5
	// estimate: Triangular: mode = 12: must be in [lo, hi] = [0, 10]
}

// A model output that is NaN or infinite stops the run with an
// *OutputError naming the first such draw.
func ExampleOutputError() {
	share, _ := estimate.Uniform(0, 1)
	m := estimate.NewModel()
	s := m.Input(share)
	_, err := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) {
		out[0] = math.Log(d.Value(s) - 0.5) // NaN for shares below 0.5
	}, estimate.Options{Draws: 1000, Seed: 1})
	fmt.Println(errors.Is(err, estimate.ErrNotFinite))
	if oe, ok := errors.AsType[*estimate.OutputError](err); ok {
		fmt.Println(oe.Output, oe.Draw < 10)
	}
	// Output:
	// true
	// 0 true
}

func ExampleMust() {
	it := estimate.Must(estimate.ShareBetween(0.27, 0.45))
	sectors := estimate.Must(estimate.FixedShares([]float64{1, 3}))
	fmt.Println(it, sectors.Mean())
	// Output:
	// 0.35 (90%: 0.27–0.45) [0.25 0.75]
}

// An Estimate encodes its family, its parameters and its sources, with
// the median, 90% interval and moments for readers.
func ExampleEstimate_MarshalJSON() {
	t, _ := estimate.Triangular(1, 2, 10)
	t = t.Named("years abroad").WithSources(exodus.Source{Publisher: "OK Russians"})
	b, _ := json.MarshalIndent(t, "", "  ")
	fmt.Println(string(b))
	// Output:
	// {
	//   "name": "years abroad",
	//   "family": "triangular",
	//   "params": {
	//     "hi": 10,
	//     "lo": 1,
	//     "mode": 2
	//   },
	//   "median": 4,
	//   "lo90": 1.6708203932499368,
	//   "hi90": 8.102633403898972,
	//   "mean": 4.333333333333333,
	//   "sd": 2.0138409955990952,
	//   "sources": [
	//     {
	//       "publisher": "OK Russians"
	//     }
	//   ]
	// }
}

// Decoding rebuilds the distribution exactly from its family and
// parameters; a pool keeps its method and inputs.
func ExampleEstimate_UnmarshalJSON() {
	in := `{"name": "emigrants, 2022", "family": "lognormal",
		"params": {"mu": 13.56009774608128, "sigma": 0.15527996394206245},
		"sources": [{"publisher": "Forbes Russia"}]}`
	var e estimate.Estimate
	if err := json.Unmarshal([]byte(in), &e); err != nil {
		fmt.Println(err)
	}
	fmt.Println(e.Name()+":", e, e.Sources())

	err := json.Unmarshal([]byte(`{"family": "uniform", "params": {"lo": 5}}`), &e)
	fmt.Println(err)
	// Output:
	// emigrants, 2022: 770k (90%: 600k–1.0M) [Forbes Russia]
	// estimate: Estimate.UnmarshalJSON: params.hi: missing for family uniform
}

// A Summary encodes its draws, mean, SD, Monte Carlo standard error,
// median and 90% interval. The encoding is one way: decode it into a
// struct of your own.
func ExampleSummary_MarshalJSON() {
	n, _ := estimate.Between(600_000, 1_000_000)
	m := estimate.NewModel()
	nv := m.Input(n)
	res, _ := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) {
		out[0] = d.Value(nv)
	}, estimate.Options{Draws: 10_000, Seed: 1})
	b, _ := json.Marshal(res.Output(0))

	var s struct {
		Draws              int
		Mean, SD, StdErr   float64
		Median, Lo90, Hi90 float64
	}
	if err := json.Unmarshal(b, &s); err != nil {
		fmt.Println(err)
	}
	fmt.Printf("%d draws: median %.0fk (90%%: %.0fk–%.0fk), mean %.0fk, standard error %.1fk\n",
		s.Draws, s.Median/1e3, s.Lo90/1e3, s.Hi90/1e3, s.Mean/1e3, s.StdErr/1e3)
	// Output:
	// 10000 draws: median 775k (90%: 600k–999k), mean 785k, standard error 1.2k
}

func ExampleComposition_MarshalJSON() {
	c, _ := estimate.Dirichlet([]float64{2, 6})
	b, _ := json.Marshal(c.Named("sectors"))
	fmt.Println(string(b))
	// Output:
	// {"kind":"dirichlet","name":"sectors","alpha":[2,6],"mean":[0.25,0.75],"sources":[]}
}

func ExampleComposition_UnmarshalJSON() {
	var c estimate.Composition
	err := json.Unmarshal([]byte(`{"kind":"dirichlet-mean","mean":[0.3,0.7],"concentration":10}`), &c)
	fmt.Println(c.Len(), c.Mean(), err)
	// Output:
	// 2 [0.3 0.7] <nil>
}

func ExampleDiagnostics_MarshalJSON() {
	e, _ := estimate.Between(600e3, 1e6)
	pooled, _ := estimate.Pool(estimate.LinearPool, e)
	p, _ := pooled.Pooling()
	b, err := json.Marshal(p.Diagnostics) // one estimate: Q, P and I² are undefined
	fmt.Println(string(b), err)
	// Output:
	// {"Q":null,"DF":0,"P":null,"I2":null,"Disjoint":null,"DisjointPairs":0} <nil>
}

func ExampleSummary_UnmarshalJSON() {
	var s estimate.Summary
	err := json.Unmarshal([]byte(`{"draws":1000,"mean":5}`), &s)
	fmt.Println(errors.Is(err, errors.ErrUnsupported))
	// Output:
	// true
}

// ParseRange reads figures as reports and command lines write them.
func ExampleParseRange() {
	for _, s := range []string{"800k", "600,000–1,000,000", "1,5%", "1.25-1.75%"} {
		lo, hi, err := estimate.ParseRange(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(lo, hi)
	}
	// Output:
	// 800000 800000
	// 600000 1e+06
	// 0.015 0.015
	// 0.0125 0.0175
}
