package estimate_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
)

// jsonCases are estimates of every family that can be rebuilt, and pools
// of every method, with names and sources.
func jsonCases(t testing.TB) []struct {
	name string
	e    estimate.Estimate
} {
	m := must(t)
	wide, narrow := articleRanges(t)
	src := exodus.Source{Publisher: "UK Ministry of Defence", Date: "2022"}
	pert1, pert2 := m(estimate.PERT(0, 2, 10)), m(estimate.PERT(0, 6, 10))
	linear := m(estimate.Pool(estimate.LinearPool, wide, narrow))
	return []struct {
		name string
		e    estimate.Estimate
	}{
		{"point", m(estimate.Point(1.3e6)).Named("MoD").WithSources(src)},
		{"uniform", m(estimate.Uniform(-2, 5))},
		{"triangular", m(estimate.Triangular(1, 2, 10))},
		{"PERT", m(estimate.PERT(1, 2, 10))},
		{"PERTLambda", m(estimate.PERTLambda(0, 30, 100, 6))},
		{"normal", m(estimate.Normal(3, 2))},
		{"NormalBetween negative", m(estimate.NormalBetween(-3e6, -1e6))},
		{"lognormal", m(estimate.LogNormal(13, 0.7))},
		{"Between", m(estimate.Between(600e3, 1e6)).Named("emigrants, 2022").WithSources(src, src)},
		{"BetweenLevel", m(estimate.BetweenLevel(1.1, 7.3, 0.8))},
		{"beta", m(estimate.Beta(0.3, 4))},
		{"ShareBetween", m(estimate.ShareBetween(0.27, 0.45))},
		{"ShareBetweenLevel", m(estimate.ShareBetweenLevel(0.001, 0.9, 0.99))},
		{"linear pool", linear.Named("pooled")},
		{"linear pool weighted", m(estimate.PoolWeighted(estimate.LinearPool, []float64{1, 3}, wide, narrow))},
		{"linear pool one weight", m(estimate.PoolWeighted(estimate.LinearPool, []float64{0, 3}, wide, narrow))},
		{"log pool lognormal", m(estimate.Pool(estimate.LogPool, wide, narrow))},
		{"log pool PERT", m(estimate.Pool(estimate.LogPool, pert1, pert2))},
		{"log pool tabulated", m(estimate.PoolWeighted(estimate.LogPool, []float64{2, 1}, narrow, m(estimate.PERT(400e3, 800e3, 1.5e6))))},
		{"inverse variance", m(estimate.Pool(estimate.InverseVariance, wide, narrow)).WithSources(src)},
		{"pool of pools", m(estimate.Pool(estimate.LinearPool, linear, m(estimate.Between(1e6, 1.3e6))))},
	}
}

// sameEstimate reports how got differs from want, which should be the
// same distribution bit for bit: the same moments, quantiles and draws.
func sameEstimate(t *testing.T, want, got estimate.Estimate) {
	t.Helper()
	same := func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }
	if got.Family() != want.Family() || got.Name() != want.Name() {
		t.Errorf("family, name = %q, %q; want %q, %q", got.Family(), got.Name(), want.Family(), want.Name())
	}
	if diff := cmp.Diff(want.Sources(), got.Sources(), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Sources() mismatch (-want +got):\n%s", diff)
	}
	if !same(got.Mean(), want.Mean()) || !same(got.SD(), want.SD()) {
		t.Errorf("Mean, SD = %v, %v; want %v, %v", got.Mean(), got.SD(), want.Mean(), want.SD())
	}
	for _, p := range []float64{0, 1e-6, 0.05, 0.3, 0.5, 0.77, 0.95, 1 - 1e-6, 1} {
		if g, w := got.Quantile(p), want.Quantile(p); !same(g, w) {
			t.Errorf("Quantile(%v) = %v, want %v", p, g, w)
		}
	}
	rg, rw := rand.New(rand.NewPCG(7, 8)), rand.New(rand.NewPCG(7, 8))
	for i := range 200 {
		if g, w := got.Sample(rg), want.Sample(rw); !same(g, w) {
			t.Fatalf("draw %d = %v, want %v", i, g, w)
		}
	}
	wp, wok := want.Pooling()
	gp, gok := got.Pooling()
	if wok != gok {
		t.Fatalf("Pooling() ok = %v, want %v", gok, wok)
	}
	if !wok {
		return
	}
	if gp.Method != wp.Method || len(gp.Inputs) != len(wp.Inputs) {
		t.Errorf("Pooling() = %v with %d inputs, want %v with %d", gp.Method, len(gp.Inputs), wp.Method, len(wp.Inputs))
	}
	if diff := cmp.Diff(wp.Weights, gp.Weights); diff != "" {
		t.Errorf("Pooling().Weights mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wp.Diagnostics, gp.Diagnostics, cmpopts.EquateNaNs(), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Pooling().Diagnostics mismatch (-want +got):\n%s", diff)
	}
	for i := range min(len(gp.Inputs), len(wp.Inputs)) {
		sameEstimate(t, wp.Inputs[i], gp.Inputs[i])
	}
}

// TestEstimateJSONRoundTrip checks that every family and every pooling
// method survives json.Marshal and json.Unmarshal exactly: json.Marshal
// used to give {} for an Estimate.
func TestEstimateJSONRoundTrip(t *testing.T) {
	for _, tt := range jsonCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.e)
			if err != nil {
				t.Fatal(err)
			}
			var got estimate.Estimate
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatalf("Unmarshal(%s): %v", b, err)
			}
			sameEstimate(t, tt.e, got)
			b2, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(b), string(b2)); diff != "" {
				t.Errorf("second Marshal mismatch (-first +second):\n%s", diff)
			}
		})
	}
}

// TestEstimateJSONShape checks the documented fields against hand
// calculations.
func TestEstimateJSONShape(t *testing.T) {
	src := exodus.Source{Publisher: "Rosstat", Date: "2023"}
	n := must(t)(estimate.Normal(10, 2)).Named("x").WithSources(src)
	a, b := must(t)(estimate.Uniform(0, 2)), must(t)(estimate.Uniform(1, 3))
	p := must(t)(estimate.PoolWeighted(estimate.LinearPool, []float64{1, 3}, a, b))
	z := 1.6448536269514722 // hand: the standard normal 0.95-quantile
	// hand: the mixture ¼U(0,2) + ¾U(1,3) has density ⅛ on [0,1], ½ on
	// [1,2], ⅜ on [2,3]: its median solves ⅛ + ½(m−1) = ½, m = 1.75; its 5%
	// quantile is 0.05·8 = 0.4, its 95% quantile solves 1 − ⅜(3−x) = 0.95,
	// x = 3 − 0.4/3; mean ¼·1 + ¾·2 = 1.75; E[X²] = ¼·4/3 + ¾·13/3 = 3.5833,
	// so SD = √(3.5833 − 1.75²) = √0.52083.
	uniform := func(lo, hi float64) map[string]any {
		return map[string]any{
			"name": "", "family": "uniform", "params": map[string]any{"lo": lo, "hi": hi},
			"median": (lo + hi) / 2, "lo90": lo + 0.1, "hi90": hi - 0.1,
			"mean": (lo + hi) / 2, "sd": 2 / math.Sqrt(12), "sources": []any{},
		}
	}
	tests := []struct {
		name string
		e    estimate.Estimate
		want map[string]any
	}{
		{"normal", n, map[string]any{
			"name": "x", "family": "normal", "params": map[string]any{"mean": 10.0, "sd": 2.0},
			"median": 10.0, "lo90": 10 - 2*z, "hi90": 10 + 2*z, "mean": 10.0, "sd": 2.0,
			"sources": []any{map[string]any{"publisher": "Rosstat", "date": "2023"}},
		}},
		{"linear pool", p, map[string]any{
			"name": "", "family": "mixture", "params": map[string]any{},
			"median": 1.75, "lo90": 0.4, "hi90": 3 - 0.4/3, "mean": 1.75, "sd": math.Sqrt(0.25*4/3 + 0.75*13/3 - 1.75*1.75),
			"sources": []any{},
			"pool": map[string]any{
				"method": "linear", "weights": []any{0.25, 0.75},
				"inputs": []any{uniform(0, 2), uniform(1, 3)},
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.e)
			if err != nil {
				t.Fatal(err)
			}
			var got map[string]any
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("Marshal mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEstimateJSONZero checks that the zero Estimate is null both ways,
// inside a struct too, and that null leaves a decoded Estimate unchanged.
func TestEstimateJSONZero(t *testing.T) {
	b, err := json.Marshal(struct{ E estimate.Estimate }{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"E":null}`, string(b)); diff != "" {
		t.Errorf("Marshal mismatch (-want +got):\n%s", diff)
	}
	e := must(t)(estimate.Uniform(1, 2))
	if err := json.Unmarshal([]byte("null"), &e); err != nil || e.Family() != "uniform" {
		t.Errorf("Unmarshal(null) = %v, %v; want the estimate unchanged", e, err)
	}
}

// TestEstimateJSONTabulated checks that an estimate that cannot be rebuilt
// (a Monte Carlo output's table) still encodes, but decoding it is an
// error naming the family, never a silent zero, and leaves the target
// unchanged.
func TestEstimateJSONTabulated(t *testing.T) {
	m := estimate.NewModel()
	x := m.Input(must(t)(estimate.Uniform(0, 1)))
	res, err := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) { out[0] = d.Value(x) }, estimate.Options{Draws: 2000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	tab := res.Output(0).Estimate()
	b, err := json.Marshal(tab)
	if err != nil {
		t.Fatal(err)
	}
	var head struct{ Family string }
	if err := json.Unmarshal(b, &head); err != nil || head.Family != "tabulated" {
		t.Fatalf("Marshal(tabulated) = %s, %v", b, err)
	}
	got := must(t)(estimate.Point(7))
	err = json.Unmarshal(b, &got)
	if !errors.Is(err, estimate.ErrInvalid) {
		t.Fatalf("Unmarshal(tabulated) error = %v, want ErrInvalid", err)
	}
	if pe, ok := errors.AsType[*estimate.ParamError](err); !ok || pe.Param != "family" {
		t.Errorf("Unmarshal(tabulated) error = %v, want a *ParamError for family", err)
	}
	if got.Mean() != 7 {
		t.Errorf("Unmarshal changed its target on error: %v", got)
	}
}

// nest wraps the estimate in in n single-input linear pools.
func nest(in string, n int) string {
	for range n {
		in = `{"family":"uniform","params":{"lo":0,"hi":1},"pool":{"method":"linear","weights":[1],"inputs":[` + in + `]}}`
	}
	return in
}

// wide returns a linear pool of n copies of in, with equal weights.
func wide(in string, n int) string {
	w := strconv.FormatFloat(1/float64(n), 'g', -1, 64)
	return `{"family":"uniform","params":{"lo":0,"hi":1},"pool":{"method":"linear","weights":[` +
		strings.Repeat(w+",", n-1) + w + `],"inputs":[` + strings.Repeat(in+",", n-1) + in + `]}}`
}

// TestEstimateJSONLimits checks that pools at the decoding limit, 16 deep,
// decode (the tests of TestEstimateJSONBad refuse one more), and that a
// pool wider than the old limit of 1000 inputs does (issue 13 row 10:
// Pool built what the decoder refused).
func TestEstimateJSONLimits(t *testing.T) {
	u := `{"family":"uniform","params":{"lo":0,"hi":1}}`
	for _, in := range []string{nest(u, 16), wide(u, 1001)} {
		var e estimate.Estimate
		if err := json.Unmarshal([]byte(in), &e); err != nil {
			t.Errorf("Unmarshal(%.60s…) error = %v", in, err)
		}
	}
}

// TestEstimateJSONBad checks that bad JSON gives an error naming the
// field, wrapping the right sentinel.
func TestEstimateJSONBad(t *testing.T) {
	u := `{"family":"uniform","params":{"lo":0,"hi":1}}`
	tests := []struct {
		name, in string
		want     error
		param    string // the *ParamError's Param, or "" for none
		value    float64
	}{
		{"not an object", `[1,2]`, estimate.ErrInvalid, "", 0},
		{"param not a number", `{"family":"uniform","params":{"lo":"a","hi":1}}`, estimate.ErrInvalid, "", 0},
		{"no family", `{}`, estimate.ErrInvalid, "family", math.NaN()},
		{"unknown family", `{"family":"gamma"}`, estimate.ErrInvalid, "family", math.NaN()},
		{"invalid family", `{"family":"invalid"}`, estimate.ErrInvalid, "family", math.NaN()},
		{"missing param", `{"family":"uniform","params":{"lo":1}}`, estimate.ErrInvalid, "params.hi", math.NaN()},
		{"no params", `{"family":"normal"}`, estimate.ErrInvalid, "params.mean", math.NaN()},
		{"unknown param", `{"family":"uniform","params":{"lo":1,"hi":2,"mode":1.5}}`, estimate.ErrInvalid, "params.mode", math.NaN()},
		{"lo > hi", `{"family":"uniform","params":{"lo":3,"hi":2}}`, estimate.ErrInvalid, "params.lo", 3},
		{"point huge", `{"family":"point","params":{"value":1e200}}`, estimate.ErrInvalid, "params.value", 1e200},
		{"sd 0", `{"family":"normal","params":{"mean":0,"sd":0}}`, estimate.ErrInvalid, "params.sd", 0},
		{"logit-normal sigma", `{"family":"logit-normal","params":{"mu":0,"sigma":-1}}`, estimate.ErrInvalid, "params.sigma", -1},
		{"PERT mode outside", `{"family":"PERT","params":{"lo":0,"mode":12,"hi":10,"lambda":4}}`, estimate.ErrInvalid, "params.mode", 12},
		{"beta shape", `{"family":"beta","params":{"a":2e6,"b":1}}`, estimate.ErrInvalid, "params.a", 2e6},
		{"mixture without pool", `{"family":"mixture","params":{}}`, estimate.ErrInvalid, "pool", math.NaN()},
		{"mixture with params", `{"family":"mixture","params":{"lo":1}}`, estimate.ErrInvalid, "params", math.NaN()},
		{"mixture of a log pool", `{"family":"mixture","pool":{"method":"logarithmic","weights":[1],"inputs":[` + u + `]}}`, estimate.ErrInvalid, "pool", math.NaN()},
		{"mixture that is not", `{"family":"mixture","pool":{"method":"linear","weights":[1,0],"inputs":[` + u + `,` + u + `]}}`, estimate.ErrInvalid, "family", math.NaN()},
		{"tabulated that is closed", `{"family":"tabulated","pool":{"method":"logarithmic","weights":[0.5,0.5],"inputs":[` + u + `,` + u + `]}}`, estimate.ErrInvalid, "family", math.NaN()},
		{"tabulated", `{"family":"tabulated","params":{}}`, estimate.ErrInvalid, "family", math.NaN()},
		{"pool method", `{"family":"uniform","params":{"lo":0,"hi":1},"pool":{"method":"median","weights":[1],"inputs":[` + u + `]}}`, estimate.ErrInvalid, "pool.method", math.NaN()},
		{"pool no inputs", `{"family":"uniform","params":{"lo":0,"hi":1},"pool":{"method":"linear","weights":[],"inputs":[]}}`, estimate.ErrInvalid, "len(pool.inputs)", 0},
		{"pool null input", `{"family":"uniform","params":{"lo":0,"hi":1},"pool":{"method":"linear","weights":[1],"inputs":[null]}}`, estimate.ErrInvalid, "pool.inputs[0]", math.NaN()},
		{"pool weights length", `{"family":"mixture","pool":{"method":"linear","weights":[1],"inputs":[` + u + `,` + u + `]}}`, estimate.ErrInvalid, "len(pool.weights)", 1},
		{"pool weights sum", `{"family":"mixture","pool":{"method":"linear","weights":[1,1],"inputs":[` + u + `,` + u + `]}}`, estimate.ErrInvalid, "sum(pool.weights)", 2},
		{"pool weight negative", `{"family":"mixture","pool":{"method":"linear","weights":[2,-1],"inputs":[` + u + `,` + u + `]}}`, estimate.ErrInvalid, "pool.weights[1]", -1},
		{"pool bad input", `{"family":"mixture","pool":{"method":"linear","weights":[1],"inputs":[{"family":"uniform","params":{"lo":3,"hi":2}}]}}`, estimate.ErrInvalid, "pool.inputs[0].params.lo", 3},
		{"nested bad input", `{"family":"mixture","pool":{"method":"linear","weights":[0.5,0.5],"inputs":[` + u +
			`,{"family":"uniform","params":{"lo":0,"hi":1},"pool":{"method":"linear","weights":[1],"inputs":[{"family":"normal","params":{"mean":0,"sd":-1}}]}}]}}`,
			estimate.ErrInvalid, "pool.inputs[1].pool.inputs[0].params.sd", -1},
		{"pools too deep", nest(u, 17), estimate.ErrInvalid, strings.Repeat("pool.inputs[0].", 16) + "pool", math.NaN()},
		{"pool point input", `{"family":"uniform","params":{"lo":0,"hi":1},"pool":{"method":"linear","weights":[1],"inputs":[{"family":"point","params":{"value":1}}]}}`, estimate.ErrNoSpread, "", 0},
		{"pool no overlap", `{"family":"tabulated","pool":{"method":"logarithmic","weights":[0.5,0.5],"inputs":[` + u +
			`,{"family":"PERT","params":{"lo":2,"mode":2.5,"hi":3,"lambda":4}}]}}`, estimate.ErrNoOverlap, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e estimate.Estimate
			err := json.Unmarshal([]byte(tt.in), &e)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Unmarshal(%s) error = %v, want %v", tt.in, err, tt.want)
			}
			if !e.IsZero() {
				t.Errorf("Unmarshal(%s) set %v on error", tt.in, e)
			}
			if tt.param == "" {
				return
			}
			checkParamError(t, err, tt.param, tt.value)
		})
	}
}

// TestSummaryJSON checks the documented fields of a Summary against a
// hand calculation: the draws 0, 1, …, 999.
func TestSummaryJSON(t *testing.T) {
	m := estimate.NewModel()
	res, err := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) {
		out[0] = float64(d.Index())
	}, estimate.Options{Draws: 1000})
	if err != nil {
		t.Fatal(err)
	}
	one, err := m.Run(context.Background(), 1, func(d *estimate.Draw, out []float64) { out[0] = 5 }, estimate.Options{Draws: 1})
	if err != nil {
		t.Fatal(err)
	}
	// hand: for 0..n−1 with n = 1000 the mean is (n−1)/2 and the sample
	// variance n(n+1)/12. Type 7 quantiles: h = 999p + 1, so the 5% quantile
	// is x₍₅₀₎ + 0.95 = 49.95 and the 95% quantile x₍₉₅₀₎ + 0.05 = 949.05.
	sd := math.Sqrt(1000 * 1001 / 12.0)
	tests := []struct {
		name string
		v    any
		want map[string]any
	}{
		{"0..999", res.Output(0), map[string]any{
			"draws": 1000.0, "mean": 499.5, "sd": sd, "stderr": sd / math.Sqrt(1000),
			"median": 499.5, "lo90": 49.95, "hi90": 949.05,
		}},
		// hand: one draw has no sample SD: null, not NaN (invalid JSON).
		{"one draw", one.Output(0), map[string]any{
			"draws": 1.0, "mean": 5.0, "sd": nil, "stderr": nil, "median": 5.0, "lo90": 5.0, "hi90": 5.0,
		}},
		{"in a struct", struct{ S estimate.Summary }{res.Output(3)}, map[string]any{"S": nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			var got map[string]any
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
				t.Errorf("Marshal mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSummaryUnmarshalJSON checks that decoding an object into a Summary
// is an error wrapping errors.ErrUnsupported, never a silent no-op, and
// leaves the Summary unchanged; null, which the zero Summary encodes as, is
// a no-op as encoding/json's convention asks.
func TestSummaryUnmarshalJSON(t *testing.T) {
	res, err := estimate.NewModel().Run(context.Background(), 1, func(d *estimate.Draw, out []float64) { out[0] = 2 }, estimate.Options{Draws: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		in   string
		want error
	}{{`{"draws":10,"mean":2}`, errors.ErrUnsupported}, {`{}`, errors.ErrUnsupported}, {`[]`, errors.ErrUnsupported}, {`null`, nil}} {
		in := tt.in
		s := res.Output(0)
		err := json.Unmarshal([]byte(in), &s)
		if !errors.Is(err, tt.want) {
			t.Errorf("Unmarshal(%s) error = %v, want %v", in, err, tt.want)
		}
		if s.Draws() != 10 || s.Mean() != 2 { // hand: 10 draws of 2
			t.Errorf("Unmarshal(%s) changed the Summary: %d draws, mean %v", in, s.Draws(), s.Mean())
		}
	}
}

// TestDiagnosticsJSONNaN checks that diagnostics whose Q, P and I² are
// undefined (NaN) encode, as null, and decode back to NaN.
func TestDiagnosticsJSONNaN(t *testing.T) {
	m := must(t)
	// hand: one input has DF = 0 and no Q; a normal that can be negative
	// has no log-space spread, so two of them have no Q either.
	one := m(estimate.Pool(estimate.LinearPool, m(estimate.Between(600e3, 1e6))))
	neg := m(estimate.Pool(estimate.LinearPool, m(estimate.Normal(-1, 1)), m(estimate.Normal(1, 1))))
	tests := []struct {
		name string
		e    estimate.Estimate
		want string
	}{
		{"one input", one, `{"Q":null,"DF":0,"P":null,"I2":null,"Disjoint":null,"DisjointPairs":0}`},
		{"negative inputs", neg, `{"Q":null,"DF":1,"P":null,"I2":null,"Disjoint":null,"DisjointPairs":0}`},
	}
	for _, tt := range tests {
		p, ok := tt.e.Pooling()
		if !ok {
			t.Fatalf("%s: not pooled", tt.name)
		}
		b, err := json.Marshal(p.Diagnostics)
		if err != nil {
			t.Fatalf("%s: Marshal(Diagnostics): %v", tt.name, err)
		}
		if diff := cmp.Diff(tt.want, string(b)); diff != "" {
			t.Errorf("%s: Marshal(Diagnostics) mismatch (-want +got):\n%s", tt.name, diff)
		}
		if _, err := json.Marshal(p); err != nil {
			t.Errorf("%s: Marshal(Pooling): %v", tt.name, err)
		}
		d := estimate.Diagnostics{Q: 1, P: 1, I2: 1}
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatalf("%s: Unmarshal(%s): %v", tt.name, b, err)
		}
		if diff := cmp.Diff(p.Diagnostics, d, cmpopts.EquateNaNs()); diff != "" {
			t.Errorf("%s: Unmarshal(%s) mismatch (-want +got):\n%s", tt.name, b, diff)
		}
	}
	// hand: finite values keep their form: Q = 4, DF = 1, P = 0.5, I² = 0.75.
	d := estimate.Diagnostics{Q: 4, DF: 1, P: 0.5, I2: 0.75, Disjoint: [][2]int{{0, 1}}, DisjointPairs: 1}
	b, err := json.Marshal(d)
	if diff := cmp.Diff(`{"Q":4,"DF":1,"P":0.5,"I2":0.75,"Disjoint":[[0,1]],"DisjointPairs":1}`, string(b)); err != nil || diff != "" {
		t.Errorf("Marshal(%v) mismatch (-want +got), %v:\n%s", d, err, diff)
	}
	// JSON written before DisjointPairs existed: the count is the list's
	// length. A count below the list's length is refused.
	var old estimate.Diagnostics
	if err := json.Unmarshal([]byte(`{"Q":4,"DF":1,"P":0.5,"I2":0.75,"Disjoint":[[0,1]]}`), &old); err != nil || old.DisjointPairs != 1 {
		t.Errorf("Unmarshal(old form) = %+v, %v; want DisjointPairs 1", old, err)
	}
	err = json.Unmarshal([]byte(`{"Disjoint":[[0,1]],"DisjointPairs":0}`), &old)
	checkParamError(t, err, "DisjointPairs", 0)
}

// Options can be saved as JSON: the Progress callback is left out.
func TestOptionsJSON(t *testing.T) {
	t.Parallel()
	opt := estimate.Options{Draws: 5000, Seed: 7, Progress: func(int, int) {}}
	data, err := json.Marshal(opt)
	if err != nil {
		t.Fatalf("json.Marshal(Options) = %v", err)
	}
	var back estimate.Options
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	opt.Progress = nil // hand: the callback is not data
	if diff := cmp.Diff(opt, back); diff != "" {
		t.Errorf("Options round trip mismatch (-want +got):\n%s", diff)
	}
}

// A PoolMethod is text, with the names of Estimate's JSON ("linear", not 1),
// so that a Pooling marshals readably.
func TestPoolMethodText(t *testing.T) {
	t.Parallel()
	for m, want := range map[estimate.PoolMethod]string{
		estimate.LinearPool: "linear", estimate.LogPool: "logarithmic", estimate.InverseVariance: "inverse-variance",
	} {
		got, err := json.Marshal(m)
		if err != nil || string(got) != strconv.Quote(want) {
			t.Errorf("json.Marshal(%v) = %s, %v; want %q", m, got, err, want)
		}
		var back estimate.PoolMethod
		if err := json.Unmarshal(got, &back); err != nil || back != m {
			t.Errorf("json.Unmarshal(%s) = %v, %v; want %v", got, back, err, m)
		}
	}
	if _, err := json.Marshal(estimate.PoolMethod(0)); err == nil {
		t.Errorf("json.Marshal(PoolMethod(0)): no error")
	}
	var m estimate.PoolMethod
	for _, in := range []string{`"linear pool"`, `""`, `"Linear"`} {
		if err := m.UnmarshalText([]byte(in[1 : len(in)-1])); !errors.Is(err, estimate.ErrInvalid) {
			t.Errorf("UnmarshalText(%s) = %v, want ErrInvalid", in, err)
		}
	}
	mk := must(t)
	p := mk(estimate.Pool(estimate.LinearPool, mk(estimate.Normal(1, 1)), mk(estimate.Normal(2, 1))))
	pooling, _ := p.Pooling()
	data, err := json.Marshal(pooling)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"Method":"linear"`) {
		t.Errorf("json.Marshal(Pooling) = %s, want \"Method\":\"linear\"", data)
	}
}

// An error that wraps another from this package says "estimate:" once.
func TestErrorPrefixOnce(t *testing.T) {
	t.Parallel()
	var c estimate.Composition
	err := json.Unmarshal([]byte(`{"kind":"range","ranges":[{"family":"mixture","pool":{"method":"linear","weights":[1],"inputs":[{"family":"point","params":{"value":1}}]}}]}`), &c)
	if !errors.Is(err, estimate.ErrNoSpread) { // hand: a point input cannot be pooled
		t.Fatalf("error %v, want ErrNoSpread", err)
	}
	if n := strings.Count(err.Error(), "estimate:"); n != 1 {
		t.Errorf("%q says \"estimate:\" %d times, want once", err, n)
	}
}
