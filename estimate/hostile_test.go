package estimate_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
)

// hostile are the numbers of issue 13 (What it must have, item 2): NaN,
// ±Inf, −0, floats the size of MaxInt64 and MinInt64, 1e308, the smallest
// subnormal, and their neighbours in magnitude.
var hostile = []float64{
	math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 0,
	math.MaxInt64, math.MinInt64, 1e308, -1e308, math.MaxFloat64,
	5e-324, -5e-324, 1e-300, 1e150, -1e150, 1 - 0x1p-53, 1 + 0x1p-52,
}

// callBound is how long one call may take, far above what any takes (at
// most milliseconds), so that only a hang fails.
const callBound = 20 * time.Second

// within runs f, and fails if it panics or does not return within
// callBound.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		f()
	}()
	select {
	case p := <-done:
		if p != nil {
			t.Fatalf("%s panicked: %v", what, p)
		}
	case <-time.After(callBound):
		t.Fatalf("%s did not return within %v", what, callBound)
	}
}

// valueText is how an error message writes v.
func valueText(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// usable fails unless e is accepted by its own methods, String and JSON
// round trip.
func usable(t *testing.T, what string, e estimate.Estimate) {
	t.Helper()
	lo, hi := e.Interval(0.9)
	for _, v := range []float64{e.Mean(), e.SD(), e.Median(), lo, hi, e.CDF(e.Median())} {
		if bad(v) {
			t.Fatalf("%s = %v: mean %v, SD %v, median %v, 90%% %v–%v, CDF(median) %v: not all finite",
				what, e.Family(), e.Mean(), e.SD(), e.Median(), lo, hi, e.CDF(e.Median()))
		}
	}
	// Quantiles found by Newton iteration (mixtures) may be out of order
	// by a few ulps inside a spike: allow 1e-12 relative.
	slack := 1e-12 * math.Max(math.Abs(lo), math.Abs(hi))
	if !(lo <= e.Median()+slack && e.Median() <= hi+slack) || e.SD() < 0 {
		t.Fatalf("%s: 90%% interval %v–%v, median %v, SD %v", what, lo, hi, e.Median(), e.SD())
	}
	if e.String() == "" || fmt.Sprintf("%.2f", e) == "" {
		t.Fatalf("%s: empty String or %%.2f", what)
	}
	if s := e.Survival(e.Median()); !(s >= 0 && s <= 1) {
		t.Fatalf("%s: Survival(median) = %v", what, s)
	}
	if !e.IsPoint() {
		if p := e.Prob(e.Median()); math.IsNaN(p) || p < 0 {
			t.Fatalf("%s: Prob(median) = %v", what, p)
		}
	}
	if x := e.Sample(rand.New(rand.NewPCG(1, 2))); math.IsNaN(x) {
		t.Fatalf("%s: Sample = NaN", what)
	}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatalf("%s: Marshal: %v", what, err)
	}
	var back estimate.Estimate
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("%s: Unmarshal(%.300s): %v", what, b, err)
	}
	if back.Family() != e.Family() || math.Float64bits(back.Mean()) != math.Float64bits(e.Mean()) {
		t.Fatalf("%s: round trip gives %v %v, want %v %v", what, back.Family(), back.Mean(), e.Family(), e.Mean())
	}
}

// namesValue fails unless err wraps ErrInvalid and its message names v.
func namesValue(t *testing.T, what string, err error, v float64) {
	t.Helper()
	if !errors.Is(err, estimate.ErrInvalid) {
		t.Fatalf("%s: error %v does not wrap ErrInvalid", what, err)
	}
	// −0 may be named as 0, as in "sum(weights) = 0", and ±0 in a sum.
	if !strings.Contains(err.Error(), valueText(v)) && !(v == 0 && strings.Contains(err.Error(), "= 0")) {
		t.Fatalf("%s: error %q does not name the value %s", what, err, valueText(v))
	}
}

// constructors are every Estimate constructor, with ordinary arguments
// into which the test puts one hostile value at a time.
var constructors = []struct {
	name string
	args []float64
	f    func(a []float64) (estimate.Estimate, error)
}{
	{"Point", []float64{3}, func(a []float64) (estimate.Estimate, error) { return estimate.Point(a[0]) }},
	{"Uniform", []float64{1, 2}, func(a []float64) (estimate.Estimate, error) { return estimate.Uniform(a[0], a[1]) }},
	{"Triangular", []float64{1, 1.5, 2}, func(a []float64) (estimate.Estimate, error) { return estimate.Triangular(a[0], a[1], a[2]) }},
	{"PERT", []float64{1, 1.5, 2}, func(a []float64) (estimate.Estimate, error) { return estimate.PERT(a[0], a[1], a[2]) }},
	{"PERTLambda", []float64{1, 1.5, 2, 4}, func(a []float64) (estimate.Estimate, error) {
		return estimate.PERTLambda(a[0], a[1], a[2], a[3])
	}},
	{"Normal", []float64{0, 1}, func(a []float64) (estimate.Estimate, error) { return estimate.Normal(a[0], a[1]) }},
	{"LogNormal", []float64{0, 1}, func(a []float64) (estimate.Estimate, error) { return estimate.LogNormal(a[0], a[1]) }},
	{"Beta", []float64{2, 3}, func(a []float64) (estimate.Estimate, error) { return estimate.Beta(a[0], a[1]) }},
	{"Between", []float64{1, 2}, func(a []float64) (estimate.Estimate, error) { return estimate.Between(a[0], a[1]) }},
	{"BetweenLevel", []float64{1, 2, 0.5}, func(a []float64) (estimate.Estimate, error) { return estimate.BetweenLevel(a[0], a[1], a[2]) }},
	{"NormalBetween", []float64{-1, 2}, func(a []float64) (estimate.Estimate, error) { return estimate.NormalBetween(a[0], a[1]) }},
	{"NormalBetweenLevel", []float64{-1, 2, 0.5}, func(a []float64) (estimate.Estimate, error) {
		return estimate.NormalBetweenLevel(a[0], a[1], a[2])
	}},
	{"ShareBetween", []float64{0.2, 0.4}, func(a []float64) (estimate.Estimate, error) { return estimate.ShareBetween(a[0], a[1]) }},
	{"ShareBetweenLevel", []float64{0.2, 0.4, 0.5}, func(a []float64) (estimate.Estimate, error) {
		return estimate.ShareBetweenLevel(a[0], a[1], a[2])
	}},
}

// TestHostileConstructors walks every hostile value through every
// argument of every Estimate constructor: each call returns within the
// bound without panicking, and gives either an estimate its own methods,
// String and JSON round trip accept, or an error wrapping ErrInvalid that
// names the value (issue 13, What it must have, item 2).
func TestHostileConstructors(t *testing.T) {
	t.Parallel()
	var ok, refused int
	for _, c := range constructors {
		for i := range c.args {
			for _, v := range hostile {
				a := append([]float64(nil), c.args...)
				a[i] = v
				what := fmt.Sprintf("%s%v", c.name, a)
				within(t, what, func() {
					e, err := c.f(a)
					if err != nil {
						refused++
						namesValue(t, what, err, v)
						return
					}
					ok++
					usable(t, what, e)
				})
			}
		}
	}
	t.Logf("%d calls: %d estimates, %d refused", ok+refused, ok, refused)
}

// hostileEstimates are valid estimates at the edges: what the constructors
// accept of the hostile values.
func hostileEstimates(t *testing.T) []estimate.Estimate {
	var out []estimate.Estimate
	for _, c := range constructors {
		for i := range c.args {
			for _, v := range hostile {
				a := append([]float64(nil), c.args...)
				a[i] = v
				if e, err := c.f(a); err == nil && !e.IsPoint() {
					out = append(out, e)
				}
			}
		}
	}
	return out
}

// TestHostilePools pools every pair of edge estimates by every method, and
// diagnoses them: each call returns within the bound without panicking,
// and gives a usable estimate or an error wrapping a sentinel.
func TestHostilePools(t *testing.T) {
	t.Parallel()
	es := hostileEstimates(t)
	// Every 29th partner (97th with -short): the pairs stay varied (all
	// of them passed once, in 96 s), the test quick, also under -race.
	stride := 29
	if testing.Short() {
		stride = 97
	}
	var ok, refused int
	for i, a := range es {
		for j := i; j < len(es); j += stride {
			b := es[j]
			for _, m := range []estimate.PoolMethod{estimate.LinearPool, estimate.LogPool, estimate.InverseVariance} {
				what := fmt.Sprintf("Pool(%v, %v %v, %v %v)", m, a.Family(), a, b.Family(), b)
				within(t, what, func() {
					p, err := estimate.Pool(m, a, b)
					if err != nil {
						refused++
						if !errors.Is(err, estimate.ErrInvalid) && !errors.Is(err, estimate.ErrNoOverlap) {
							t.Fatalf("%s: error %v wraps no sentinel", what, err)
						}
						return
					}
					ok++
					usable(t, what, p)
				})
			}
			within(t, "Diagnose", func() {
				d, err := estimate.Diagnose(a, b)
				if err != nil {
					t.Fatalf("Diagnose(%v, %v): %v", a, b, err)
				}
				if d.String() == "" {
					t.Fatal("empty Diagnostics.String")
				}
				if _, err := json.Marshal(d); err != nil {
					t.Fatalf("Marshal(Diagnose(%v, %v)): %v", a, b, err)
				}
			})
		}
	}
	t.Logf("%d pools: %d built, %d refused", ok+refused, ok, refused)
}

// TestHostileWeights gives PoolWeighted every hostile weight: an error
// naming it, or a usable pool.
func TestHostileWeights(t *testing.T) {
	t.Parallel()
	a, b := must(t)(estimate.Between(1, 2)), must(t)(estimate.Between(1.5, 3))
	for _, m := range []estimate.PoolMethod{estimate.LinearPool, estimate.LogPool} {
		for _, v := range hostile {
			for _, w := range [][]float64{{v, 1}, {1, v}, {v, v}} {
				what := fmt.Sprintf("PoolWeighted(%v, %v)", m, w)
				within(t, what, func() {
					p, err := estimate.PoolWeighted(m, w, a, b)
					if err != nil {
						namesValue(t, what, err, v)
						return
					}
					usable(t, what, p)
				})
			}
		}
	}
	// The method itself.
	for _, m := range []estimate.PoolMethod{0, -1, 4, math.MaxInt, math.MinInt} {
		_, err := estimate.Pool(m, a, b)
		namesValue(t, fmt.Sprintf("Pool(%d)", m), err, float64(m))
	}
}

// TestHostileCompositions walks the hostile values through every
// Composition constructor: an error naming the value, or a composition
// whose draws are shares adding up to 1 and whose JSON round-trips.
func TestHostileCompositions(t *testing.T) {
	t.Parallel()
	share := must(t)(estimate.ShareBetween(0.2, 0.4))
	ctors := []struct {
		name string
		f    func(v float64) (estimate.Composition, error)
	}{
		{"Dirichlet", func(v float64) (estimate.Composition, error) { return estimate.Dirichlet([]float64{v, 2}) }},
		{"Dirichlet all", func(v float64) (estimate.Composition, error) { return estimate.Dirichlet([]float64{v, v, v}) }},
		{"DirichletMean mean", func(v float64) (estimate.Composition, error) {
			return estimate.DirichletMean([]float64{v, 0.5}, 10)
		}},
		{"DirichletMean concentration", func(v float64) (estimate.Composition, error) {
			return estimate.DirichletMean([]float64{0.3, 0.7}, v)
		}},
		{"FixedShares", func(v float64) (estimate.Composition, error) { return estimate.FixedShares([]float64{v, 1}) }},
		{"FixedShares all", func(v float64) (estimate.Composition, error) { return estimate.FixedShares([]float64{v, v}) }},
		{"RangeShares", func(v float64) (estimate.Composition, error) {
			e, err := estimate.Uniform(v, 1e150)
			if err != nil {
				return estimate.Composition{}, err
			}
			return estimate.RangeShares([]estimate.Estimate{e, share})
		}},
	}
	r := rand.New(rand.NewPCG(5, 6))
	for _, c := range ctors {
		for _, v := range hostile {
			what := fmt.Sprintf("%s(%v)", c.name, v)
			within(t, what, func() {
				comp, err := c.f(v)
				if err != nil {
					namesValue(t, what, err, v)
					return
				}
				dst := make([]float64, comp.Len())
				for range 100 {
					comp.Sample(r, dst)
					sum := 0.0
					for _, x := range dst {
						if !(x >= 0 && x <= 1) {
							t.Fatalf("%s: share %v outside [0, 1] in %v", what, x, dst)
						}
						sum += x
					}
					if sum != 1 {
						t.Fatalf("%s: shares %v add up to %v", what, dst, sum)
					}
				}
				b, err := json.Marshal(comp)
				if err != nil {
					t.Fatalf("%s: Marshal: %v", what, err)
				}
				var back estimate.Composition
				if err := json.Unmarshal(b, &back); err != nil {
					t.Fatalf("%s: Unmarshal(%s): %v", what, b, err)
				}
			})
		}
	}
}

// TestHostileJSON feeds the decoders hostile documents: invalid UTF-8,
// huge strings, numbers at the limits of float64 and int64, wrong types.
// Each returns within the bound without panicking, with an estimate that
// round-trips or an error wrapping a sentinel.
func TestHostileJSON(t *testing.T) {
	t.Parallel()
	huge := strings.Repeat("x", 1<<20)
	u := `{"family":"uniform","params":{"lo":0,"hi":1}}`
	docs := []string{
		`{"family":"normal","params":{"mean":0,"sd":5e-324}}`,
		`{"family":"normal","params":{"mean":-0,"sd":1e308}}`,
		`{"family":"normal","params":{"mean":9223372036854775807,"sd":1}}`,
		`{"family":"normal","params":{"mean":-9223372036854775808,"sd":1}}`,
		`{"family":"normal","params":{"mean":1e400,"sd":1}}`,
		`{"family":"lognormal","params":{"mu":709,"sigma":1}}`,
		`{"family":"logit-normal","params":{"mu":1e150,"sigma":1e150}}`,
		`{"family":"beta","params":{"a":5e-324,"b":1e6}}`,
		`{"family":"PERT","params":{"lo":-1e150,"mode":1e150,"hi":1e150,"lambda":1e6}}`,
		`{"family":"point","params":{"value":-0}}`,
		`{"family":"\xff\xfe","params":{}}`,
		`{"name":"\xff","family":"normal","params":{"mean":0,"sd":1}}`,
		`{"name":"` + huge + `","family":"normal","params":{"mean":0,"sd":1}}`,
		`{"family":"` + huge + `","params":{}}`,
		`{"family":"normal","params":{"` + huge + `":1}}`,
		`{"family":"mixture","params":{},"pool":{"method":"\xff","weights":[1],"inputs":[` + u + `]}}`,
		`{"family":"mixture","params":{},"pool":{"method":"linear","weights":[5e-324,1],"inputs":[` + u + `,` + u + `]}}`,
		`{"family":"mixture","params":{},"pool":{"method":"linear","weights":[1e308,-1e308],"inputs":[` + u + `,` + u + `]}}`,
		`{"family":"normal","params":{"mean":0,"sd":1},"sources":[{"publisher":"\xff","title":"` + huge + `"}]}`,
		`{"family":"normal","params":{"mean":"0","sd":1}}`,
		`{"family":["normal"]}`,
		`[` + strings.Repeat(`[`, 10000) + strings.Repeat(`]`, 10001),
		"\xff",
		``,
	}
	for i, doc := range docs {
		what := fmt.Sprintf("Estimate.UnmarshalJSON(doc %d, %.60q)", i, doc)
		within(t, what, func() {
			var e estimate.Estimate
			if err := json.Unmarshal([]byte(doc), &e); err != nil {
				if !errors.Is(err, estimate.ErrInvalid) && !errors.Is(err, estimate.ErrNoSpread) && !isSyntax(err) {
					t.Fatalf("%s: error %v wraps no sentinel", what, err)
				}
				return
			}
			if e.IsPoint() {
				return
			}
			usable(t, what, e)
			if !utf8.ValidString(e.Name()) {
				t.Fatalf("%s: name %q is not valid UTF-8", what, e.Name())
			}
		})
	}
	compDocs := []string{
		`{"kind":"dirichlet","alpha":[5e-324,1e150]}`,
		`{"kind":"dirichlet","alpha":[9223372036854775807,1]}`,
		`{"kind":"fixed","shares":[1e308,1e308]}`,
		`{"kind":"fixed","shares":[-0,1]}`,
		`{"kind":"\xff"}`,
		`{"kind":"dirichlet-mean","mean":[0.5,0.5],"concentration":5e-324}`,
		`{"kind":"range","ranges":[` + u + `,{"family":"normal","params":{"mean":0,"sd":1}}]}`,
		`{"kind":"fixed","name":"` + huge + `","shares":[1]}`,
	}
	for i, doc := range compDocs {
		what := fmt.Sprintf("Composition.UnmarshalJSON(doc %d, %.60q)", i, doc)
		within(t, what, func() {
			var c estimate.Composition
			if err := json.Unmarshal([]byte(doc), &c); err != nil {
				if !errors.Is(err, estimate.ErrInvalid) && !isSyntax(err) {
					t.Fatalf("%s: error %v wraps no sentinel", what, err)
				}
				return
			}
			if _, err := json.Marshal(c); err != nil {
				t.Fatalf("%s: Marshal: %v", what, err)
			}
		})
	}
	for _, doc := range []string{`{"Q":1e400}`, `{"DF":9223372036854775808}`, `{"Disjoint":[[0,1]],"DisjointPairs":-9223372036854775808}`, `{"Q":"\xff"}`} {
		within(t, "Diagnostics.UnmarshalJSON", func() {
			var d estimate.Diagnostics
			if err := json.Unmarshal([]byte(doc), &d); err != nil && !errors.Is(err, estimate.ErrInvalid) && !isSyntax(err) {
				t.Fatalf("Diagnostics.UnmarshalJSON(%s): error %v wraps no sentinel", doc, err)
			}
		})
	}
	for _, text := range []string{"\xff", huge, "", "linear\x00"} {
		within(t, "PoolMethod.UnmarshalText", func() {
			var m estimate.PoolMethod
			if err := m.UnmarshalText([]byte(text)); !errors.Is(err, estimate.ErrInvalid) {
				t.Fatalf("UnmarshalText(%.20q) = %v, want ErrInvalid", text, err)
			}
		})
	}
}

// isSyntax reports an error of encoding/json itself: malformed JSON is
// refused before a decoder of this package sees it.
func isSyntax(err error) bool {
	_, syn := errors.AsType[*json.SyntaxError](err)
	_, typ := errors.AsType[*json.UnmarshalTypeError](err)
	return syn || typ
}

// fffd replaces each byte of s that is not part of valid UTF-8 by U+FFFD,
// as encoding/json does.
func fffd(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r) // ranging yields U+FFFD for each invalid byte
	}
	return b.String()
}

// TestHostileNames checks that names and sources of any bytes survive
// String and JSON: invalid UTF-8 becomes U+FFFD, as encoding/json writes it.
func TestHostileNames(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"\xff\xfe", strings.Repeat("й", 1<<18), "a\x00b", ""} {
		e := must(t)(estimate.Between(1, 2)).Named(name).WithSources(exodus.Source{Publisher: name})
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatalf("Marshal(named %.20q): %v", name, err)
		}
		var back estimate.Estimate
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("Unmarshal: %v", err)
		}
		if want := fffd(name); back.Name() != want {
			t.Errorf("name %.20q read back as %.20q, want %.20q", name, back.Name(), want)
		}
	}
}
