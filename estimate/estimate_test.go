package estimate_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
)

// must returns a function that fails the test on error, for
// must(t)(estimate.Between(1, 2)).
func must(t testing.TB) func(estimate.Estimate, error) estimate.Estimate {
	return func(e estimate.Estimate, err error) estimate.Estimate {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
}

// closeRel reports whether got is within rel of want, relatively (or
// absolutely near 0).
func closeRel(got, want, rel float64) bool {
	return math.Abs(got-want) <= rel*math.Max(1, math.Abs(want))
}

// quantiler is the part of a gonum distuv distribution the tests use.
type quantiler interface {
	Quantile(p float64) float64
	CDF(x float64) float64
	Mean() float64
	StdDev() float64
}

// scaled is a gonum Beta scaled to [lo, hi], an independent PERT.
type scaled struct {
	b      distuv.Beta
	lo, hi float64
}

func (s scaled) Quantile(p float64) float64 { return s.lo + (s.hi-s.lo)*s.b.Quantile(p) }
func (s scaled) CDF(x float64) float64      { return s.b.CDF((x - s.lo) / (s.hi - s.lo)) }
func (s scaled) Mean() float64              { return s.lo + (s.hi-s.lo)*s.b.Mean() }
func (s scaled) StdDev() float64            { return (s.hi - s.lo) * s.b.StdDev() }

// TestQuantileAgainstGonum checks every family's analytic quantiles,
// distribution function and moments against gonum's stat/distuv, an
// independent implementation (our normal quantile is math.Erfinv, AS 241;
// gonum's is mathext.NormalQuantile; our incomplete beta is a Lentz
// continued fraction, gonum's is Cephes's incbet).
func TestQuantileAgainstGonum(t *testing.T) {
	ps := []float64{0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999}
	tests := []struct {
		name string
		e    func() (estimate.Estimate, error)
		ref  quantiler
	}{
		{"Uniform(-2,5)", func() (estimate.Estimate, error) { return estimate.Uniform(-2, 5) }, distuv.Uniform{Min: -2, Max: 5}},
		{"Triangular(1,2,10)", func() (estimate.Estimate, error) { return estimate.Triangular(1, 2, 10) }, distuv.NewTriangle(1, 10, 2, nil)},
		{"Triangular(0,0,1)", func() (estimate.Estimate, error) { return estimate.Triangular(0, 0, 1) }, distuv.NewTriangle(0, 1, 0, nil)},
		{"Triangular(0,1,1)", func() (estimate.Estimate, error) { return estimate.Triangular(0, 1, 1) }, distuv.NewTriangle(0, 1, 1, nil)},
		{"Normal(3,2)", func() (estimate.Estimate, error) { return estimate.Normal(3, 2) }, distuv.Normal{Mu: 3, Sigma: 2}},
		{"LogNormal(13,0.7)", func() (estimate.Estimate, error) { return estimate.LogNormal(13, 0.7) }, distuv.LogNormal{Mu: 13, Sigma: 0.7}},
		{"Beta(2,5)", func() (estimate.Estimate, error) { return estimate.Beta(2, 5) }, distuv.Beta{Alpha: 2, Beta: 5}},
		{"Beta(0.5,0.5)", func() (estimate.Estimate, error) { return estimate.Beta(0.5, 0.5) }, distuv.Beta{Alpha: 0.5, Beta: 0.5}},
		{"Beta(0.3,4)", func() (estimate.Estimate, error) { return estimate.Beta(0.3, 4) }, distuv.Beta{Alpha: 0.3, Beta: 4}},
		{"Beta(40,60)", func() (estimate.Estimate, error) { return estimate.Beta(40, 60) }, distuv.Beta{Alpha: 40, Beta: 60}},
		// PERT(lo, m, hi) is Beta(1+4(m−lo)/(hi−lo), 1+4(hi−m)/(hi−lo)) on
		// [lo, hi] (Vose, "Risk Analysis", 3rd ed., §9.1.4): here α = 1.4444, β = 4.5556.
		{"PERT(1,2,10)", func() (estimate.Estimate, error) { return estimate.PERT(1, 2, 10) }, scaled{distuv.Beta{Alpha: 1 + 4.0/9, Beta: 1 + 32.0/9}, 1, 10}},
		{"PERTLambda(0,30,100,6)", func() (estimate.Estimate, error) { return estimate.PERTLambda(0, 30, 100, 6) }, scaled{distuv.Beta{Alpha: 2.8, Beta: 5.2}, 0, 100}},
		// Between(lo, hi) is LogNormal((ln lo + ln hi)/2, (ln hi − ln lo)/(2·1.6448536269514722)).
		{"Between(600k,1M)", func() (estimate.Estimate, error) { return estimate.Between(600e3, 1e6) },
			distuv.LogNormal{Mu: (math.Log(600e3) + math.Log(1e6)) / 2, Sigma: (math.Log(1e6) - math.Log(600e3)) / (2 * 1.6448536269514722)}},
		{"NormalBetween(-1,3)", func() (estimate.Estimate, error) { return estimate.NormalBetween(-1, 3) }, distuv.Normal{Mu: 1, Sigma: 2 / 1.6448536269514722}},
		// 1.959963984540054 is the 0.975 standard normal quantile.
		{"NormalBetweenLevel(-1,3,0.95)", func() (estimate.Estimate, error) { return estimate.NormalBetweenLevel(-1, 3, 0.95) }, distuv.Normal{Mu: 1, Sigma: 2 / 1.959963984540054}},
		{"BetweenLevel(1,100,0.95)", func() (estimate.Estimate, error) { return estimate.BetweenLevel(1, 100, 0.95) },
			distuv.LogNormal{Mu: math.Log(10), Sigma: math.Log(100) / (2 * 1.959963984540054)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := must(t)(tt.e())
			for _, p := range ps {
				want := tt.ref.Quantile(p)
				if got := e.Quantile(p); !closeRel(got, want, 1e-9) {
					t.Errorf("Quantile(%v) = %v, gonum %v", p, got, want)
				}
				if got, want := e.CDF(want), p; !closeRel(got, want, 1e-9) {
					t.Errorf("CDF(gonum Quantile(%v)) = %v, want %v", p, got, want)
				}
			}
			if got, want := e.Mean(), tt.ref.Mean(); !closeRel(got, want, 1e-12) {
				t.Errorf("Mean() = %v, gonum %v", got, want)
			}
			if got, want := e.SD(), tt.ref.StdDev(); !closeRel(got, want, 1e-12) {
				t.Errorf("SD() = %v, gonum %v", got, want)
			}
		})
	}
}

// TestShareBetween checks the logit-normal fit against gonum's normal
// quantile mapped through the logistic function.
func TestShareBetween(t *testing.T) {
	e := must(t)(estimate.ShareBetween(0.27, 0.45)) // IT share of emigrants, ZOiS and OK Russians surveys
	logit := func(x float64) float64 { return math.Log(x / (1 - x)) }
	n := distuv.Normal{Mu: (logit(0.27) + logit(0.45)) / 2, Sigma: (logit(0.45) - logit(0.27)) / (2 * 1.6448536269514722)}
	for _, p := range []float64{0.001, 0.05, 0.5, 0.95, 0.999} {
		want := 1 / (1 + math.Exp(-n.Quantile(p)))
		if got := e.Quantile(p); !closeRel(got, want, 1e-12) {
			t.Errorf("Quantile(%v) = %v, want %v", p, got, want)
		}
	}
	lo, hi := e.Interval(0.9)
	if !closeRel(lo, 0.27, 1e-12) || !closeRel(hi, 0.45, 1e-12) {
		t.Errorf("Interval(0.9) = %v, %v, want 0.27, 0.45", lo, hi)
	}
	// Mean and SD by an independent method: a midpoint rule over 10⁶
	// equal-probability strata of gonum's normal quantile.
	const n6 = 1_000_000
	var s1, s2 float64
	for i := range n6 {
		x := 1 / (1 + math.Exp(-n.Quantile((float64(i)+0.5)/n6)))
		s1 += x
		s2 += x * x
	}
	mean, sd := s1/n6, math.Sqrt(s2/n6-(s1/n6)*(s1/n6))
	if !closeRel(e.Mean(), mean, 1e-6) || !closeRel(e.SD(), sd, 1e-4) {
		t.Errorf("Mean, SD = %v, %v; quadrature %v, %v", e.Mean(), e.SD(), mean, sd)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		if x := e.Sample(r); !(x > 0 && x < 1) {
			t.Fatalf("Sample() = %v, outside (0, 1)", x)
		}
	}
}

// TestSquigglepyLognorm reproduces squigglepy's documented lognorm(1, 10):
// "lognorm(lognorm_mean=1.1512925465, lognorm_sd=0.6999361692, ...)" with
// mean 4.040013 (squigglepy README, github.com/rethinkpriorities/squigglepy,
// "sq.lognorm(1, 10)").
func TestSquigglepyLognorm(t *testing.T) {
	e := must(t)(estimate.Between(1, 10))
	// hand: μ = ln √10 = 1.1512925465, σ = ln 10 / (2·1.6448536) = 0.6999361692.
	if got := math.Log(e.Median()); !closeRel(got, 1.1512925465, 1e-10) {
		t.Errorf("ln median = %.10f, want 1.1512925465", got)
	}
	lo, hi := e.Interval(0.9)
	if got := (math.Log(hi) - math.Log(lo)) / (2 * 1.6448536269514722); !closeRel(got, 0.6999361692, 1e-10) {
		t.Errorf("σ = %.10f, want 0.6999361692", got)
	}
	if got := e.Mean(); !closeRel(got, 4.040013, 1e-6) {
		t.Errorf("Mean() = %.6f, want 4.040013", got)
	}
}

func TestPERTMean(t *testing.T) {
	// hand: (lo + 4·mode + hi)/6 = (1 + 8 + 10)/6.
	if got, want := must(t)(estimate.PERT(1, 2, 10)).Mean(), 19.0/6; !closeRel(got, want, 1e-14) {
		t.Errorf("PERT(1, 2, 10).Mean() = %v, want %v", got, want)
	}
}

func TestBadInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name  string
		f     func() (estimate.Estimate, error)
		param string
		value float64
	}{
		{"Point NaN", func() (estimate.Estimate, error) { return estimate.Point(nan) }, "v", nan},
		{"Point Inf", func() (estimate.Estimate, error) { return estimate.Point(inf) }, "v", inf},
		{"Uniform lo=hi", func() (estimate.Estimate, error) { return estimate.Uniform(2, 2) }, "lo", 2},
		{"Uniform lo>hi", func() (estimate.Estimate, error) { return estimate.Uniform(3, 2) }, "lo", 3},
		{"Uniform -Inf", func() (estimate.Estimate, error) { return estimate.Uniform(-inf, 2) }, "lo", -inf},
		{"Uniform hi NaN", func() (estimate.Estimate, error) { return estimate.Uniform(0, nan) }, "hi", nan},
		{"Triangular mode below", func() (estimate.Estimate, error) { return estimate.Triangular(1, 0.5, 2) }, "mode", 0.5},
		{"Triangular mode above", func() (estimate.Estimate, error) { return estimate.Triangular(1, 3, 2) }, "mode", 3},
		{"Triangular mode NaN", func() (estimate.Estimate, error) { return estimate.Triangular(1, nan, 2) }, "mode", nan},
		{"PERT mode outside", func() (estimate.Estimate, error) { return estimate.PERT(0, 12, 10) }, "mode", 12},
		{"PERT lo=hi", func() (estimate.Estimate, error) { return estimate.PERT(5, 5, 5) }, "lo", 5},
		{"PERTLambda 0", func() (estimate.Estimate, error) { return estimate.PERTLambda(0, 1, 2, 0) }, "lambda", 0},
		{"PERTLambda NaN", func() (estimate.Estimate, error) { return estimate.PERTLambda(0, 1, 2, nan) }, "lambda", nan},
		{"Normal sd 0", func() (estimate.Estimate, error) { return estimate.Normal(1, 0) }, "sd", 0},
		{"Normal sd<0", func() (estimate.Estimate, error) { return estimate.Normal(1, -1) }, "sd", -1},
		{"Normal mean Inf", func() (estimate.Estimate, error) { return estimate.Normal(inf, 1) }, "mean", inf},
		{"LogNormal sigma 0", func() (estimate.Estimate, error) { return estimate.LogNormal(1, 0) }, "sigma", 0},
		{"LogNormal mu NaN", func() (estimate.Estimate, error) { return estimate.LogNormal(nan, 1) }, "mu", nan},
		{"Beta a 0", func() (estimate.Estimate, error) { return estimate.Beta(0, 1) }, "a", 0},
		{"Beta b -1", func() (estimate.Estimate, error) { return estimate.Beta(1, -1) }, "b", -1},
		{"Beta b Inf", func() (estimate.Estimate, error) { return estimate.Beta(1, inf) }, "b", inf},
		{"Beta a huge", func() (estimate.Estimate, error) { return estimate.Beta(2e6, 1) }, "a", 2e6},
		{"PERTLambda huge", func() (estimate.Estimate, error) { return estimate.PERTLambda(0, 1, 2, 1e15) }, "lambda", 1e15},
		{"Between lo 0", func() (estimate.Estimate, error) { return estimate.Between(0, 10) }, "lo", 0},
		{"Between lo<0", func() (estimate.Estimate, error) { return estimate.Between(-5, 10) }, "lo", -5},
		{"Between lo>hi", func() (estimate.Estimate, error) { return estimate.Between(10, 5) }, "lo", 10},
		{"Between hi Inf", func() (estimate.Estimate, error) { return estimate.Between(1, inf) }, "hi", inf},
		{"Between NaN", func() (estimate.Estimate, error) { return estimate.Between(nan, 1) }, "lo", nan},
		{"BetweenLevel 1", func() (estimate.Estimate, error) { return estimate.BetweenLevel(1, 2, 1) }, "level", 1},
		{"BetweenLevel NaN", func() (estimate.Estimate, error) { return estimate.BetweenLevel(1, 2, nan) }, "level", nan},
		{"NormalBetween lo=hi", func() (estimate.Estimate, error) { return estimate.NormalBetween(1, 1) }, "lo", 1},
		{"NormalBetweenLevel 0", func() (estimate.Estimate, error) { return estimate.NormalBetweenLevel(1, 2, 0) }, "level", 0},
		{"ShareBetween hi 1", func() (estimate.Estimate, error) { return estimate.ShareBetween(0.2, 1) }, "hi", 1},
		{"ShareBetween lo 0", func() (estimate.Estimate, error) { return estimate.ShareBetween(0, 0.5) }, "lo", 0},
		{"ShareBetween lo>hi", func() (estimate.Estimate, error) { return estimate.ShareBetween(0.5, 0.4) }, "lo", 0.5},
		{"ShareBetween NaN", func() (estimate.Estimate, error) { return estimate.ShareBetween(0.1, nan) }, "hi", nan},
		{"ShareBetweenLevel 2", func() (estimate.Estimate, error) { return estimate.ShareBetweenLevel(0.1, 0.2, 2) }, "level", 2},
		// hand: (1 + 1e-300)/2 rounds to 0.5, whose normal quantile is 0: the
		// interval would have no width in z and σ would be infinite.
		{"BetweenLevel tiny", func() (estimate.Estimate, error) { return estimate.BetweenLevel(1, 2, 1e-300) }, "level", 1e-300},
		{"NormalBetweenLevel tiny", func() (estimate.Estimate, error) { return estimate.NormalBetweenLevel(1, 2, 1e-300) }, "level", 1e-300},
		{"ShareBetweenLevel tiny", func() (estimate.Estimate, error) { return estimate.ShareBetweenLevel(0.1, 0.2, 1e-300) }, "level", 1e-300},
		// hand: the largest float64 is e^709.78, so a median e^800 overflows
		// and e^-800 underflows to 0.
		{"LogNormal mu huge", func() (estimate.Estimate, error) { return estimate.LogNormal(800, 1) }, "mu", 800},
		{"LogNormal mu tiny", func() (estimate.Estimate, error) { return estimate.LogNormal(-800, 1) }, "mu", -800},
		// hand: mean e^(σ²/2) = e^500000 overflows.
		{"LogNormal sigma huge", func() (estimate.Estimate, error) { return estimate.LogNormal(0, 1e3) }, "sigma", 1e3},
		// hand: σ = ln(1e300)/(2·1.645) = 210, mean e^(σ²/2) overflows.
		{"Between too wide", func() (estimate.Estimate, error) { return estimate.Between(1e-150, 1e150) }, "hi", 1e150},
		{"Point huge", func() (estimate.Estimate, error) { return estimate.Point(1e200) }, "v", 1e200},
		{"Normal sd huge", func() (estimate.Estimate, error) { return estimate.Normal(0, -math.MaxFloat64) }, "sd", -math.MaxFloat64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := tt.f()
			if !errors.Is(err, estimate.ErrInvalid) {
				t.Fatalf("error = %v, want ErrInvalid", err)
			}
			if !e.IsZero() {
				t.Errorf("estimate = %v, want the zero Estimate", e)
			}
			checkParamError(t, err, tt.param, tt.value)
		})
	}
}

// TestBetaLargeShape checks the beta distribution function where one shape
// is large, against the binomial identity for whole shapes (hand):
// I_x(a, b) = 1 − Σ_{k<a} C(n, k) xᵏ (1−x)ⁿ⁻ᵏ with n = a + b − 1, three
// terms here. A naive ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b) loses nine
// digits at b = 10⁶, and shapes far beyond 10⁶ (such as Beta(36, 5.6e14),
// found by FuzzConstructors with disordered quantiles) are refused.
func TestBetaLargeShape(t *testing.T) {
	const a, b = 3, 999_998
	const n = a + b - 1
	e := must(t)(estimate.Beta(a, b))
	for _, p := range []float64{0.001, 0.05, 0.5, 0.95, 0.999} {
		x := e.Quantile(p)
		lc := 0.0 // ln C(n, k)
		s := 0.0
		for k := range a {
			if k > 0 {
				lc += math.Log(float64(n-k+1)) - math.Log(float64(k))
			}
			s += math.Exp(lc + float64(k)*math.Log(x) + float64(n-k)*math.Log1p(-x))
		}
		if got := 1 - s; math.Abs(got-p) > 1e-11 {
			t.Errorf("I(Quantile(%v)) = %v by the binomial sum", p, got)
		}
	}
	// hand: a symmetric beta has its median at ½.
	if got := must(t)(estimate.Beta(1e6, 1e6)).CDF(0.5); math.Abs(got-0.5) > 1e-10 {
		t.Errorf("Beta(1e6, 1e6).CDF(0.5) = %v, want 0.5", got)
	}
	if _, err := estimate.Beta(36, 5.641042273380799e+14); !errors.Is(err, estimate.ErrInvalid) {
		t.Errorf("Beta(36, 5.6e14) error = %v, want ErrInvalid", err)
	}
}

// TestExtremeShapes checks moments that a naive formula underflows: the
// SD of Beta(a, a) is √(1/(4(2a+1))) (hand, from ab/((a+b)²(a+b+1))),
// and for tiny shapes a·b underflows.
func TestExtremeShapes(t *testing.T) {
	for _, a := range []float64{1e-200, 0.5, 1e6} {
		e := must(t)(estimate.Beta(a, a))
		if got, want := e.SD(), math.Sqrt(1/(4*(2*a+1))); !closeRel(got, want, 1e-12) || got == 0 {
			t.Errorf("Beta(%g, %g).SD() = %v, want %v", a, a, got, want)
		}
	}
}

func TestZeroEstimate(t *testing.T) {
	var e estimate.Estimate
	if !e.IsZero() || e.IsPoint() {
		t.Errorf("IsZero, IsPoint = %v, %v; want true, false", e.IsZero(), e.IsPoint())
	}
	lo, hi := e.Interval(0.9)
	r := rand.New(rand.NewPCG(1, 1))
	for name, v := range map[string]float64{
		"Mean": e.Mean(), "SD": e.SD(), "Median": e.Median(), "Quantile": e.Quantile(0.3),
		"CDF": e.CDF(1), "lo": lo, "hi": hi, "Sample": e.Sample(r),
	} {
		if !math.IsNaN(v) {
			t.Errorf("%s = %v, want NaN", name, v)
		}
	}
	if got := e.String(); got != "invalid estimate" {
		t.Errorf("String() = %q", got)
	}
}

func TestQuantileOutOfRange(t *testing.T) {
	e := must(t)(estimate.Normal(0, 1))
	for _, p := range []float64{-0.1, 1.1, math.NaN()} {
		if got := e.Quantile(p); !math.IsNaN(got) {
			t.Errorf("Quantile(%v) = %v, want NaN", p, got)
		}
	}
	if got := e.Quantile(0); !math.IsInf(got, -1) {
		t.Errorf("Quantile(0) = %v, want -Inf", got)
	}
	for _, level := range []float64{0, 1, -1, math.NaN()} {
		if lo, hi := e.Interval(level); !math.IsNaN(lo) || !math.IsNaN(hi) {
			t.Errorf("Interval(%v) = %v, %v; want NaN", level, lo, hi)
		}
	}
}

func TestNamedSources(t *testing.T) {
	bell := exodus.Source{Publisher: "The Bell"}
	forbes := exodus.Source{Publisher: "Forbes Russia"}
	base := must(t)(estimate.Between(600e3, 1e6))
	a := base.Named("emigrants").WithSources(bell)
	b := a.WithSources(forbes)
	c := a.WithSources(exodus.Source{Publisher: "RTVi"})
	if diff := cmp.Diff([]exodus.Source{bell}, a.Sources()); diff != "" {
		t.Errorf("a.Sources() mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]exodus.Source{bell, forbes}, b.Sources()); diff != "" {
		t.Errorf("b.Sources() mismatch (-want +got):\n%s", diff)
	}
	if got := c.Sources()[1].Publisher; got != "RTVi" {
		t.Errorf("c.Sources()[1] = %q, want RTVi (appends must not share storage)", got)
	}
	a.Sources()[0].Publisher = "changed"
	if got := a.Sources()[0].Publisher; got != "The Bell" {
		t.Errorf("Sources() is not a copy: %q", got)
	}
	if base.Name() != "" || len(base.Sources()) != 0 {
		t.Errorf("Named/WithSources changed the original: %q %v", base.Name(), base.Sources())
	}
	if got := b.Name(); got != "emigrants" {
		t.Errorf("Name() = %q", got)
	}
}

func TestSampleMoments(t *testing.T) {
	// The samplers agree with the analytic moments (checked against gonum
	// above) within 5 Monte Carlo standard errors.
	tests := []func() (estimate.Estimate, error){
		func() (estimate.Estimate, error) { return estimate.Uniform(-2, 5) },
		func() (estimate.Estimate, error) { return estimate.Triangular(1, 2, 10) },
		func() (estimate.Estimate, error) { return estimate.PERT(1, 2, 10) },
		func() (estimate.Estimate, error) { return estimate.Normal(3, 2) },
		func() (estimate.Estimate, error) { return estimate.Between(1, 10) },
		func() (estimate.Estimate, error) { return estimate.Beta(0.3, 4) },
		func() (estimate.Estimate, error) { return estimate.Beta(40, 60) },
		func() (estimate.Estimate, error) { return estimate.ShareBetween(0.01, 0.05) },
	}
	r := rand.New(rand.NewPCG(7, 11))
	const n = 40000
	for _, f := range tests {
		e := must(t)(f())
		var s float64
		below := 0
		med := e.Median()
		for range n {
			x := e.Sample(r)
			s += x
			if x <= med {
				below++
			}
		}
		if se := e.SD() / math.Sqrt(n); math.Abs(s/n-e.Mean()) > 5*se {
			t.Errorf("%v: sample mean %v, want %v ± %v", e.Family(), s/n, e.Mean(), 5*se)
		}
		// Binomial(n, 1/2): SD 100.
		if math.Abs(float64(below)-n/2) > 500 {
			t.Errorf("%v: %d of %d draws at or below the median", e.Family(), below, n)
		}
	}
}

func TestString(t *testing.T) {
	tests := []struct {
		f    func() (estimate.Estimate, error)
		want string
	}{
		// hand: median √(600k·1M) = 774,597; 2 significant digits.
		{func() (estimate.Estimate, error) { return estimate.Between(600e3, 1e6) }, "770k (90%: 600k–1.0M)"},
		{func() (estimate.Estimate, error) { return estimate.Between(300e3, 3e6) }, "950k (90%: 300k–3.0M)"},
		// hand: 1.08 → 1.1 moves lo by 0.02trn, 8% of the width 0.24trn: 3
		// digits. "trn", not "tn": one abbreviation for trillion across the
		// module, as finance writes "₽1.2trn" (issue 9 §8).
		{func() (estimate.Estimate, error) { return estimate.NormalBetween(1.08e12, 1.32e12) }, "1.20trn (90%: 1.08trn–1.32trn)"},
		// hand: 999.96e9 rounds to 1.0e12 at 2 digits: trn, not 1000bn.
		{func() (estimate.Estimate, error) { return estimate.Point(999.96e9) }, "999.96bn"},
		{func() (estimate.Estimate, error) { return estimate.Between(0.8e12, 2e12) }, "1.3trn (90%: 800bn–2.0trn)"},
		// hand: 105 → 100 moves lo by 5.6% of the width 90: 3 digits.
		{func() (estimate.Estimate, error) { return estimate.Uniform(100, 200) }, "150 (90%: 105–195)"},
		// A narrow interval needs more digits: 101 → 100 at 2 digits is 50% of the width 2: 3 digits.
		{func() (estimate.Estimate, error) { return estimate.NormalBetween(100, 102) }, "101 (90%: 100–102)"},
		// hand: median sigmoid((logit 0.27 + logit 0.45)/2) = 0.3549; 0.35 is
		// 2.7% of the width 0.18 away: 2 digits.
		{func() (estimate.Estimate, error) { return estimate.ShareBetween(0.27, 0.45) }, "0.35 (90%: 0.27–0.45)"},
		{func() (estimate.Estimate, error) { return estimate.NormalBetween(-3e6, -1e6) }, "-2.0M (90%: -3.0M to -1.0M)"},
		{func() (estimate.Estimate, error) { return estimate.Point(1.3e6) }, "1.3M"},
		{func() (estimate.Estimate, error) { return estimate.Between(2e-6, 8e-6) }, "4.0e-06 (90%: 2.0e-06–8.0e-06)"},
		// hand: median √(2·8)·1e15 = 4e15, printed with an exponent from 1e15.
		{func() (estimate.Estimate, error) { return estimate.Between(2e15, 8e15) }, "4.0e+15 (90%: 2.0e+15–8.0e+15)"},
		// hand: a signed interval straddling 0, median 1M.
		{func() (estimate.Estimate, error) { return estimate.NormalBetween(-1e6, 3e6) }, "1.0M (90%: -1.0M to 3.0M)"},
		// hand: 999,999.6 rounds to 1.0M at two digits, not 1000k.
		{func() (estimate.Estimate, error) { return estimate.NormalBetween(999_999.6-1e5, 999_999.6+1e5) }, "1.0M (90%: 900k–1.1M)"},
		// hand: median √(15·20) = 17.32bn; 17 is 6.4% of the width 5 away: 3 digits.
		{func() (estimate.Estimate, error) { return estimate.Between(15e9, 20e9) }, "17.3bn (90%: 15.0bn–20.0bn)"},
	}
	for _, tt := range tests {
		e := must(t)(tt.f())
		if diff := cmp.Diff(tt.want, e.String()); diff != "" {
			t.Errorf("String() mismatch (-want +got):\n%s", diff)
		}
	}
}

// mustC is must for compositions.
func mustC(t testing.TB) func(estimate.Composition, error) estimate.Composition {
	return func(c estimate.Composition, err error) estimate.Composition {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
}

func TestMustPanics(t *testing.T) {
	defer func() {
		if err, ok := recover().(error); !ok || !errors.Is(err, estimate.ErrInvalid) {
			t.Errorf("Must(Between(2, 1)) panicked with %v, want an ErrInvalid error", err)
		}
	}()
	estimate.Must(estimate.Between(2, 1))
}
