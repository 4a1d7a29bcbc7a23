package estimate_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
)

func mustComp(t testing.TB) func(estimate.Composition, error) estimate.Composition {
	return func(c estimate.Composition, err error) estimate.Composition {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
}

// compositionCases are compositions of every kind, with names and sources.
func compositionCases(t testing.TB) []struct {
	name string
	c    estimate.Composition
} {
	m, mc := must(t), mustComp(t)
	src := exodus.Source{Publisher: "Alfa Bank", Date: "2022"}
	return []struct {
		name string
		c    estimate.Composition
	}{
		{"Dirichlet", mc(estimate.Dirichlet([]float64{2, 6})).Named("sectors").WithSources(src)},
		{"Dirichlet small", mc(estimate.Dirichlet([]float64{0.3, 1e-5, 40}))},
		{"DirichletMean", mc(estimate.DirichletMean([]float64{0.27, 0.45, 0.28}, 99))},
		{"RangeShares", mc(estimate.RangeShares([]estimate.Estimate{
			m(estimate.ShareBetween(0.27, 0.45)).Named("IT"), m(estimate.Uniform(0.1, 0.2)), m(estimate.Point(0.3)),
		})).WithSources(src, src)},
		{"FixedShares", mc(estimate.FixedShares([]float64{1, 0, 2, 0.1}))},
	}
}

// TestCompositionJSONRoundTrip checks that a composition survives
// json.Marshal and json.Unmarshal exactly (the same shares and draws):
// json.Marshal used to give {}.
func TestCompositionJSONRoundTrip(t *testing.T) {
	t.Parallel()
	for _, tt := range compositionCases(t) {
		b, err := json.Marshal(tt.c)
		if err != nil {
			t.Fatalf("%s: Marshal: %v", tt.name, err)
		}
		if string(b) == "{}" {
			t.Fatalf("%s: Marshal = {}", tt.name)
		}
		var got estimate.Composition
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("%s: Unmarshal(%s): %v", tt.name, b, err)
		}
		if got.Name() != tt.c.Name() {
			t.Errorf("%s: Name = %q, want %q", tt.name, got.Name(), tt.c.Name())
		}
		if diff := cmp.Diff(tt.c.Sources(), got.Sources()); diff != "" {
			t.Errorf("%s: Sources mismatch (-want +got):\n%s", tt.name, diff)
		}
		if diff := cmp.Diff(tt.c.Mean(), got.Mean()); diff != "" {
			t.Errorf("%s: Mean mismatch (-want +got):\n%s", tt.name, diff)
		}
		rw, rg := rand.New(rand.NewPCG(5, 6)), rand.New(rand.NewPCG(5, 6))
		w, g := make([]float64, tt.c.Len()), make([]float64, got.Len())
		for i := range 50 {
			tt.c.Sample(rw, w)
			got.Sample(rg, g)
			if diff := cmp.Diff(w, g); diff != "" {
				t.Fatalf("%s: draw %d mismatch (-want +got):\n%s", tt.name, i, diff)
			}
		}
		b2, err := json.Marshal(got)
		if err != nil || string(b2) != string(b) {
			t.Errorf("%s: encoded again = %s, %v; want %s", tt.name, b2, err, b)
		}
	}
}

// TestCompositionJSONShape checks the documented shape against values
// worked out by hand.
func TestCompositionJSONShape(t *testing.T) {
	t.Parallel()
	m, mc := must(t), mustComp(t)
	u := m(estimate.Uniform(0.1, 0.3)) // mean 0.2
	ub, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		c    estimate.Composition
		want string
	}{
		// hand: mean = alpha/Σalpha = 2/8, 6/8
		{mc(estimate.Dirichlet([]float64{2, 6})).Named("sectors").WithSources(exodus.Source{Publisher: "P"}),
			`{"kind":"dirichlet","name":"sectors","alpha":[2,6],"mean":[0.25,0.75],"sources":[{"publisher":"P"}]}`},
		// hand: alpha = mean·concentration = 0.25·8, 0.75·8
		{mc(estimate.DirichletMean([]float64{1, 3}, 8)),
			`{"kind":"dirichlet","name":"","alpha":[2,6],"mean":[0.25,0.75],"sources":[]}`},
		// hand: shares / 4
		{mc(estimate.FixedShares([]float64{1, 1, 2})),
			`{"kind":"fixed","name":"","shares":[0.25,0.25,0.5],"sources":[]}`},
		// hand: means 0.2 and 0.2 renormalised to 0.5 each
		{mc(estimate.RangeShares([]estimate.Estimate{u, u})),
			`{"kind":"range","name":"","ranges":[` + string(ub) + `,` + string(ub) + `],"mean":[0.5,0.5],"sources":[]}`},
		{estimate.Composition{}, `null`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.c)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, string(b)); diff != "" {
			t.Errorf("Marshal mismatch (-want +got):\n%s", diff)
		}
	}
}

// TestCompositionJSONDecode checks the forms only written by hand: a
// Dirichlet given by its mean and concentration, and null.
func TestCompositionJSONDecode(t *testing.T) {
	t.Parallel()
	var c estimate.Composition
	if err := json.Unmarshal([]byte(`{"kind":"dirichlet-mean","mean":[1,3],"concentration":8}`), &c); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	// hand: alpha = 1/4·8, 3/4·8
	if diff := cmp.Diff(`{"kind":"dirichlet","name":"","alpha":[2,6],"mean":[0.25,0.75],"sources":[]}`, string(b)); diff != "" {
		t.Errorf("dirichlet-mean mismatch (-want +got):\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`null`), &c); err != nil || c.Len() != 2 {
		t.Errorf("Unmarshal(null) = %d shares, %v; want c unchanged", c.Len(), err)
	}
}

func TestCompositionJSONBad(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in    string
		param string // the ParamError's Param, "" for a JSON syntax or type error
	}{
		{`{}`, "kind"},
		{`{"kind":"gamma"}`, "kind"},
		{`{"kind":"dirichlet"}`, "alpha"},
		{`{"kind":"dirichlet","alpha":[1,0]}`, "alpha[1]"},
		{`{"kind":"dirichlet","alpha":[]}`, "len(alpha)"},
		{`{"kind":"dirichlet-mean","mean":[1,2]}`, "concentration"},
		{`{"kind":"dirichlet-mean","mean":[1,-2],"concentration":3}`, "mean[1]"},
		{`{"kind":"dirichlet-mean","concentration":3}`, "mean"},
		{`{"kind":"fixed","shares":[0,0]}`, "sum(shares)"},
		{`{"kind":"fixed"}`, "shares"},
		{`{"kind":"range"}`, "ranges"},
		{`{"kind":"range","ranges":[null]}`, "ranges[0]"},
		{`{"kind":"range","ranges":[{"family":"normal","params":{"mean":0,"sd":1}}]}`, "ranges[0] lower bound"},
		{`{"kind":"range","ranges":[{"family":"uniform","params":{"lo":0}}]}`, "ranges[0].params.hi"},
		{`{"kind":"fixed","shares":"x"}`, ""},
		{`[1]`, ""},
	}
	for _, tt := range tests {
		c := mustComp(t)(estimate.FixedShares([]float64{1}))
		err := json.Unmarshal([]byte(tt.in), &c)
		if !errors.Is(err, estimate.ErrInvalid) {
			t.Errorf("Unmarshal(%s) error = %v, want ErrInvalid", tt.in, err)
			continue
		}
		if c.Len() != 1 {
			t.Errorf("Unmarshal(%s) changed its target on error", tt.in)
		}
		if pe, ok := errors.AsType[*estimate.ParamError](err); tt.param != "" && (!ok || pe.Param != tt.param) {
			t.Errorf("Unmarshal(%s) error = %v, want a ParamError for %q", tt.in, err, tt.param)
		}
	}
}

// FuzzCompositionUnmarshalJSON checks that decoding any bytes gives either
// an error wrapping ErrInvalid or a composition that encodes again to the
// same JSON and draws shares adding up to 1: never a panic.
func FuzzCompositionUnmarshalJSON(f *testing.F) {
	for _, c := range compositionCases(f) {
		b, err := json.Marshal(c.c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"kind":"dirichlet-mean","mean":[1e-300,1],"concentration":1e-300}`))
	f.Add([]byte(`{"kind":"range","ranges":[{"family":"mixture","pool":{"method":"linear","weights":[1],"inputs":[{}]}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c estimate.Composition
		if err := json.Unmarshal(data, &c); err != nil {
			if !decodeErrorKind(err) {
				t.Fatalf("Unmarshal(%q): error %v wraps no sentinel", data, err)
			}
			return
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("Unmarshal(%q) does not encode: %v", data, err)
		}
		var again estimate.Composition
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("Unmarshal(%q) = %s, which does not decode: %v", data, b, err)
		}
		if b2, err := json.Marshal(again); err != nil || string(b2) != string(b) {
			t.Fatalf("round trip of %q: %s, then %s, %v", data, b, b2, err)
		}
		if c.Len() == 0 {
			return // null
		}
		dst := make([]float64, c.Len())
		c.Sample(rand.New(rand.NewPCG(1, 2)), dst)
		s := 0.0
		for _, x := range dst {
			s += x
		}
		if s != 1 || math.IsNaN(s) {
			t.Fatalf("Unmarshal(%q): shares %v sum to %v", data, dst, s)
		}
	})
}
