package estimate_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
)

// FuzzConstructors checks that every constructor, given any numbers,
// returns either an error wrapping ErrInvalid or an estimate whose
// quantiles are ordered, whose moments are finite and whose String and
// samples do not panic.
func FuzzConstructors(f *testing.F) {
	f.Add(600e3, 1e6, 0.9, 4.0)
	f.Add(0.27, 0.45, 0.5, 1.0)
	f.Add(-1.0, 3.0, 0.99, 0.5)
	f.Add(1e-300, 1e300, 0.1, 1e6)
	f.Add(-math.MaxFloat64, math.MaxFloat64, 0.9, 4.0)
	f.Add(0.0, 5e-324, 0.9, 4.0)
	f.Add(1e-150, 1e150, 1e-300, 1e150) // once an infinite mean and σ
	f.Add(800.0, 1.0, 0.5, 4.0)
	f.Fuzz(func(t *testing.T, a, b, c, d float64) {
		r := rand.New(rand.NewPCG(1, 2))
		ctors := map[string]func() (estimate.Estimate, error){
			"Point":              func() (estimate.Estimate, error) { return estimate.Point(a) },
			"Uniform":            func() (estimate.Estimate, error) { return estimate.Uniform(a, b) },
			"Triangular":         func() (estimate.Estimate, error) { return estimate.Triangular(a, c, b) },
			"PERT":               func() (estimate.Estimate, error) { return estimate.PERT(a, c, b) },
			"PERTLambda":         func() (estimate.Estimate, error) { return estimate.PERTLambda(a, c, b, d) },
			"Normal":             func() (estimate.Estimate, error) { return estimate.Normal(a, b) },
			"LogNormal":          func() (estimate.Estimate, error) { return estimate.LogNormal(a, b) },
			"Beta":               func() (estimate.Estimate, error) { return estimate.Beta(a, b) },
			"Between":            func() (estimate.Estimate, error) { return estimate.Between(a, b) },
			"BetweenLevel":       func() (estimate.Estimate, error) { return estimate.BetweenLevel(a, b, c) },
			"NormalBetween":      func() (estimate.Estimate, error) { return estimate.NormalBetween(a, b) },
			"NormalBetweenLevel": func() (estimate.Estimate, error) { return estimate.NormalBetweenLevel(a, b, c) },
			"ShareBetween":       func() (estimate.Estimate, error) { return estimate.ShareBetween(a, b) },
			"ShareBetweenLevel":  func() (estimate.Estimate, error) { return estimate.ShareBetweenLevel(a, b, c) },
		}
		for name, ctor := range ctors {
			e, err := ctor()
			if err != nil {
				if !errors.Is(err, estimate.ErrInvalid) {
					t.Fatalf("%s(%v, %v, %v, %v): error %v does not wrap ErrInvalid", name, a, b, c, d, err)
				}
				continue
			}
			q05, q50, q95 := e.Quantile(0.05), e.Median(), e.Quantile(0.95)
			if !(q05 <= q50 && q50 <= q95) {
				t.Fatalf("%s(%v, %v, %v, %v): quantiles %v, %v, %v not ordered", name, a, b, c, d, q05, q50, q95)
			}
			if bad(e.Mean()) || bad(e.SD()) || e.SD() < 0 {
				t.Fatalf("%s(%v, %v, %v, %v): mean %v, SD %v", name, a, b, c, d, e.Mean(), e.SD())
			}
			if e.String() == "" {
				t.Fatalf("%s: empty String", name)
			}
			if x := e.Sample(r); math.IsNaN(x) {
				t.Fatalf("%s(%v, %v, %v, %v): Sample = NaN", name, a, b, c, d)
			}
		}
	})
}

func bad(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) }

// FuzzCompositions checks that every composition constructor, given any
// numbers, returns either an error wrapping ErrInvalid or a composition
// whose draws are non-negative shares adding up to exactly 1.
func FuzzCompositions(f *testing.F) {
	f.Add(0.5, 2.0, 7.0, 10.0)
	f.Add(1e-300, 1e-300, 5.0, 1e-300)
	f.Add(1e150, 1.0, 1e-150, 1e150)
	f.Add(0.27, 0.45, -1.0, math.Inf(1))
	f.Fuzz(func(t *testing.T, a, b, c, conc float64) {
		r := rand.New(rand.NewPCG(3, 4))
		v := []float64{a, b, c}
		ctors := map[string]func() (estimate.Composition, error){
			"Dirichlet":     func() (estimate.Composition, error) { return estimate.Dirichlet(v) },
			"DirichletMean": func() (estimate.Composition, error) { return estimate.DirichletMean(v, conc) },
			"FixedShares":   func() (estimate.Composition, error) { return estimate.FixedShares(v) },
			"RangeShares": func() (estimate.Composition, error) {
				var es []estimate.Estimate
				for i := 0; i+1 < len(v); i++ {
					e, err := estimate.Uniform(math.Abs(v[i]), math.Abs(v[i+1]))
					if err != nil {
						return estimate.Composition{}, err
					}
					es = append(es, e)
				}
				return estimate.RangeShares(es)
			},
		}
		for name, ctor := range ctors {
			comp, err := ctor()
			if err != nil {
				if !errors.Is(err, estimate.ErrInvalid) {
					t.Fatalf("%s(%v, %v, %v, %v): error %v does not wrap ErrInvalid", name, a, b, c, conc, err)
				}
				continue
			}
			dst := make([]float64, comp.Len())
			for range 20 {
				comp.Sample(r, dst)
				s := 0.0
				for _, x := range dst {
					if !(x >= 0) {
						t.Fatalf("%s(%v, %v, %v, %v): share %v", name, a, b, c, conc, dst)
					}
					s += x
				}
				if s != 1 {
					t.Fatalf("%s(%v, %v, %v, %v): shares %v sum to %v", name, a, b, c, conc, dst, s)
				}
			}
		}
	})
}

// decodeErrorKind reports whether err, from decoding JSON, wraps one of
// the package's sentinels or is a JSON syntax error.
func decodeErrorKind(err error) bool {
	var syn *json.SyntaxError
	return errors.Is(err, estimate.ErrInvalid) || errors.Is(err, estimate.ErrNoSpread) ||
		errors.Is(err, estimate.ErrNoOverlap) || errors.As(err, &syn)
}

// FuzzEstimateUnmarshalJSON checks that decoding any bytes gives either an
// error wrapping one of the package's sentinels or an estimate that
// encodes again and decodes to the same JSON: never a panic.
func FuzzEstimateUnmarshalJSON(f *testing.F) {
	for _, c := range jsonCases(f) {
		b, err := json.Marshal(c.e)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`null`))
	f.Add([]byte(`{"family":"tabulated"}`))
	f.Add([]byte(`{"family":"mixture","pool":{"method":"linear","weights":[1e-300,1],"inputs":[null,{}]}}`))
	f.Add([]byte(`{"family":"PERT","params":{"lo":-1e150,"mode":0,"hi":1e150,"lambda":1e6}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var e estimate.Estimate
		err := json.Unmarshal(data, &e)
		if err != nil {
			if !decodeErrorKind(err) {
				t.Fatalf("Unmarshal(%q): error %v wraps no sentinel", data, err)
			}
			return
		}
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatalf("Unmarshal(%q) = %v, which does not encode: %v", data, e, err)
		}
		var again estimate.Estimate
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("Unmarshal(%q) = %s, which does not decode: %v", data, b, err)
		}
		b2, err := json.Marshal(again)
		if err != nil || string(b) != string(b2) {
			t.Fatalf("round trip of %q: %s, then %s, %v", data, b, b2, err)
		}
	})
}
