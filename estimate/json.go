package estimate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/exodus-lab/exodus"
)

// A param names one parameter of a family in JSON and its index in dist.p.
type param struct {
	name string
	i    int
}

// familyParams returns the named parameters of family k in the order of
// its constructor's arguments, or nil for the families that are not
// rebuilt from parameters (mixture, tabulated).
func familyParams(k kind) []param {
	switch k {
	case kindPoint:
		return []param{{"value", 0}}
	case kindUniform:
		return []param{{"lo", 0}, {"hi", 1}}
	case kindTriangular:
		return []param{{"lo", 0}, {"mode", 1}, {"hi", 2}}
	case kindPERT:
		return []param{{"lo", 0}, {"mode", 1}, {"hi", 2}, {"lambda", 5}}
	case kindNormal:
		return []param{{"mean", 0}, {"sd", 1}}
	case kindLogNormal, kindLogitNormal:
		return []param{{"mu", 0}, {"sigma", 1}}
	case kindBeta:
		return []param{{"a", 0}, {"b", 1}}
	}
	return nil
}

// parseKind returns the family named name, as [Estimate.Family] spells it.
func parseKind(name string) (kind, bool) {
	for k := kindPoint; k <= kindTable; k++ {
		if k.String() == name {
			return k, true
		}
	}
	return kindInvalid, false
}

// methodToken returns the JSON name of a pooling method.
func methodToken(m PoolMethod) string {
	switch m {
	case LinearPool:
		return "linear"
	case LogPool:
		return "logarithmic"
	case InverseVariance:
		return "inverse-variance"
	}
	return m.String()
}

func parseMethod(s string) (PoolMethod, bool) {
	for m := LinearPool; m <= InverseVariance; m++ {
		if methodToken(m) == s {
			return m, true
		}
	}
	return 0, false
}

// estimateJSON is the JSON form of an Estimate.
type estimateJSON struct {
	Name    string             `json:"name"`
	Family  string             `json:"family"`
	Params  map[string]float64 `json:"params"`
	Median  float64            `json:"median"`
	Lo90    float64            `json:"lo90"`
	Hi90    float64            `json:"hi90"`
	Mean    float64            `json:"mean"`
	SD      float64            `json:"sd"`
	Sources []exodus.Source    `json:"sources"`
	Pool    *poolJSON          `json:"pool,omitempty"`
}

// poolJSON is the JSON form of a Pooling, without its diagnostics, which
// are recomputed from the inputs.
type poolJSON struct {
	Method  string     `json:"method"`
	Weights []float64  `json:"weights"`
	Inputs  []Estimate `json:"inputs"`
}

// MarshalJSON encodes e as a JSON object:
//
//	{"name": "emigrants, 2022", "family": "lognormal",
//	 "params": {"mu": 13.56, "sigma": 0.155},
//	 "median": 774597, "lo90": 600000, "hi90": 1000000,
//	 "mean": 783992, "sd": 122476,
//	 "sources": [{"publisher": "Forbes", ...}]}
//
// "family" is [Estimate.Family]. "params" holds the family's parameters,
// named as the constructor's arguments: "value" (point); "lo", "hi"
// (uniform); "lo", "mode", "hi" (triangular); "lo", "mode", "hi",
// "lambda" (PERT); "mean", "sd" (normal); "mu", "sigma" (lognormal, and
// logit-normal, of the log-odds); "a", "b" (beta). A mixture or a
// tabulated estimate has no parameters: "params" is {}. "median", "lo90"
// and "hi90" (the 5% and 95% quantiles), "mean" and "sd" are there for
// readers; decoding ignores them. "sources" is always a list, empty when
// there are none. Numbers are written with the fewest digits that read
// back as the same float64, so parameters round-trip exactly.
//
// A pooled estimate ([Pool]) also has
//
//	"pool": {"method": "linear", "weights": [0.5, 0.5], "inputs": [{...}, {...}]}
//
// with the method ("linear", "logarithmic" or "inverse-variance"), the
// normalised weights and the inputs, each encoded the same way. The
// [Diagnostics] are not written: they are recomputed from the inputs.
//
// The zero Estimate encodes as null.
func (e Estimate) MarshalJSON() ([]byte, error) {
	if e.d == nil {
		return []byte("null"), nil
	}
	lo, hi := e.Interval(0.9)
	j := estimateJSON{
		Name:    e.name,
		Family:  e.Family(),
		Params:  map[string]float64{},
		Median:  e.Median(),
		Lo90:    lo,
		Hi90:    hi,
		Mean:    e.d.mean,
		SD:      e.d.sd,
		Sources: e.sources,
	}
	if j.Sources == nil {
		j.Sources = []exodus.Source{}
	}
	for _, p := range familyParams(e.d.kind) {
		j.Params[p.name] = e.d.p[p.i]
	}
	if e.pool != nil {
		j.Pool = &poolJSON{Method: methodToken(e.pool.Method), Weights: e.pool.Weights, Inputs: e.pool.Inputs}
	}
	b, err := json.Marshal(j)
	if err != nil {
		return nil, fmt.Errorf("estimate: Estimate.MarshalJSON: %w", err)
	}
	return b, nil
}

const unmarshalFn = "Estimate.UnmarshalJSON"

// estimateIn is the JSON form of an Estimate as decoded: the whole tree of
// a pool is parsed in one pass, then built from the leaves up.
type estimateIn struct {
	Name    string             `json:"name"`
	Family  *string            `json:"family"`
	Params  map[string]float64 `json:"params"`
	Sources []exodus.Source    `json:"sources"`
	Pool    *poolIn            `json:"pool"`
}

type poolIn struct {
	Method  string        `json:"method"`
	Weights []float64     `json:"weights"`
	Inputs  []*estimateIn `json:"inputs"`
}

// UnmarshalJSON decodes an estimate written by [Estimate.MarshalJSON]. It
// rebuilds the distribution from "family" and "params" alone, bit for bit:
// the same quantiles, moments and draws. A mixture is rebuilt from its
// "pool" (a linear pool's inputs and weights), and so is a tabulated
// logarithmic pool. "name", "sources" and "pool" are restored; the
// diagnostics are recomputed from the inputs. "median", "lo90", "hi90",
// "mean" and "sd" are ignored, and so are unknown fields.
//
// A tabulated estimate that is not a logarithmic pool, such as one made by
// [Summary.Estimate], cannot be rebuilt: its table is not in the JSON, and
// decoding it returns an error. A decoded pool obeys the bounds [Pool]
// does: at most 1,000,000 estimates below it in all, and pools nested at
// most 16 deep. So everything [Estimate.MarshalJSON] writes decodes, and
// decoding takes time and memory about linear in the size of the JSON
// (cap that size for untrusted input). JSON null leaves e unchanged.
//
// Errors wrap [ErrInvalid] (as a [*ParamError] naming the field, such as
// "pool.inputs[1].params.lo", when the content is at fault: an unknown
// family, a missing or unknown parameter, a parameter its constructor
// rejects, bad weights), [ErrNoSpread] for a point among a pool's inputs,
// or [ErrNoOverlap] for a logarithmic pool whose inputs have no value in
// common. On error e is unchanged.
func (e *Estimate) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	var j estimateIn
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("estimate: %s: %w: %w", unmarshalFn, ErrInvalid, err)
	}
	out, err := j.build("", 0)
	if err != nil {
		return err
	}
	*e = out
	return nil
}

// build rebuilds the estimate; path prefixes the fields named in errors
// ("pool.inputs[1]." for an input), depth counts the enclosing pools.
func (j *estimateIn) build(path string, depth int) (Estimate, error) {
	if j.Family == nil {
		return Estimate{}, paramProblem(unmarshalFn, path+"family", "missing")
	}
	fam := *j.Family
	k, ok := parseKind(fam)
	if !ok {
		return Estimate{}, paramProblem(unmarshalFn, path+"family", strconv.Quote(fam)+" is not a family of this package")
	}
	var pooling *Pooling
	var nodes, height int
	if j.Pool != nil {
		p, n, h, err := j.Pool.build(path, depth)
		if err != nil {
			return Estimate{}, err
		}
		pooling, nodes, height = p, n, h
	}
	var out Estimate
	var err error
	switch k {
	case kindMixture, kindTable:
		out, err = repool(path, fam, k, j.Params, pooling)
	default:
		out, err = fromParams(path, fam, k, j.Params)
	}
	if err != nil {
		return Estimate{}, err
	}
	out.name = j.Name
	if len(j.Sources) > 0 {
		out.sources = j.Sources
	}
	out.pool = pooling
	out.nodes, out.depth = int32(nodes), int32(height)
	return out, nil
}

// fromParams rebuilds an estimate of a parametric family k with its
// constructor, so that it is validated as any other.
func fromParams(path, fam string, k kind, params map[string]float64) (Estimate, error) {
	want := familyParams(k)
	names := make([]string, len(want))
	v := make([]float64, len(want))
	for i, p := range want {
		names[i] = p.name
		x, ok := params[p.name]
		if !ok {
			return Estimate{}, paramProblem(unmarshalFn, path+"params."+p.name, "missing for family "+fam)
		}
		v[i] = x
	}
	keys := make([]string, 0, len(params))
	for key := range params {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for _, key := range keys {
		if !slices.Contains(names, key) {
			return Estimate{}, paramProblem(unmarshalFn, path+"params."+key, "is not a parameter of family "+fam+" (it has "+strings.Join(names, ", ")+")")
		}
	}
	var e Estimate
	var err error
	switch k {
	case kindPoint:
		e, err = Point(v[0])
	case kindUniform:
		e, err = Uniform(v[0], v[1])
	case kindTriangular:
		e, err = Triangular(v[0], v[1], v[2])
	case kindPERT:
		e, err = PERTLambda(v[0], v[1], v[2], v[3])
	case kindNormal:
		e, err = Normal(v[0], v[1])
	case kindLogNormal:
		e, err = LogNormal(v[0], v[1])
	case kindBeta:
		e, err = Beta(v[0], v[1])
	case kindLogitNormal:
		e, err = logitNormal(v[0], v[1])
	}
	if pe, ok := errors.AsType[*ParamError](err); ok {
		// Name the field of the JSON rather than the constructor's argument.
		c := *pe
		c.Func = unmarshalFn + ": " + fam
		if c.Param == "v" {
			c.Param = "value"
		}
		c.Param = path + "params." + c.Param
		return Estimate{}, &c
	}
	return e, err
}

// logitNormal returns the logit-normal distribution whose log-odds are
// normal with mean mu and standard deviation sigma > 0.
func logitNormal(mu, sigma float64) (Estimate, error) {
	const fn = "logit-normal"
	if err := finite(fn, "mu", mu); err != nil {
		return Estimate{}, err
	}
	if err := checkPositive(fn, "sigma", sigma); err != nil {
		return Estimate{}, err
	}
	return derive(fn, "sigma", sigma, "with mu = "+fmtG(mu), &dist{kind: kindLogitNormal, p: [6]float64{mu, sigma}})
}

// repool rebuilds a mixture or a tabulated logarithmic pool from its
// recorded inputs and weights, as [Pool] made it.
func repool(path, fam string, k kind, params map[string]float64, p *Pooling) (Estimate, error) {
	if len(params) > 0 {
		return Estimate{}, paramProblem(unmarshalFn, path+"params", "must be empty for family "+fam)
	}
	var d *dist
	switch {
	case k == kindMixture && p != nil && p.Method == LinearPool:
		d = linearPool(p.Inputs, p.Weights)
	case k == kindTable && p != nil && p.Method == LogPool:
		var err error
		if d, err = logPool(unmarshalFn, p.Inputs, p.Weights); err != nil {
			return Estimate{}, err
		}
	case k == kindMixture:
		return Estimate{}, paramProblem(unmarshalFn, path+"pool", `a mixture is rebuilt from its linear pool: want a pool with method "linear"`)
	default:
		return Estimate{}, paramProblem(unmarshalFn, path+"family",
			"a tabulated estimate that is not a logarithmic pool (such as Summary.Estimate's) cannot be rebuilt: its table is not in the JSON")
	}
	if d.kind != k {
		return Estimate{}, paramProblem(unmarshalFn, path+"family", "is "+fam+", but the pool's inputs give a "+d.kind.String()+" estimate")
	}
	out := newEstimate(d)
	if f := d.flaw(); f != nil {
		return Estimate{}, paramErr(unmarshalFn, path+"pool: pooled "+f.name, f.v, f.why)
	}
	return out, nil
}

// build checks a decoded pool as [Pool] checks its arguments, builds its
// inputs and recomputes its diagnostics.
func (j *poolIn) build(path string, depth int) (p *Pooling, nodes, height int, err error) {
	if depth >= maxPoolDepth {
		return nil, 0, 0, paramProblem(unmarshalFn, path+"pool", "pools nest more than 16 deep")
	}
	m, ok := parseMethod(j.Method)
	if !ok {
		return nil, 0, 0, paramProblem(unmarshalFn, path+"pool.method", strconv.Quote(j.Method)+` is not "linear", "logarithmic" or "inverse-variance"`)
	}
	inputs := make([]Estimate, len(j.Inputs))
	for i, in := range j.Inputs {
		ipath := path + "pool.inputs[" + strconv.Itoa(i) + "]"
		if in == nil {
			return nil, 0, 0, paramProblem(unmarshalFn, ipath, notZeroEstimate)
		}
		e, err := in.build(ipath+".", depth+1)
		if err != nil {
			return nil, 0, 0, err
		}
		inputs[i] = e
	}
	if err := checkInputs(unmarshalFn, path+"pool.inputs", inputs); err != nil {
		return nil, 0, 0, err
	}
	nodes, height, err = poolSize(unmarshalFn, path+"pool.inputs", inputs)
	if err != nil {
		return nil, 0, 0, err
	}
	if len(j.Weights) != len(inputs) {
		return nil, 0, 0, paramErr(unmarshalFn, "len("+path+"pool.weights)", float64(len(j.Weights)), "must equal the number of inputs, "+strconv.Itoa(len(inputs)))
	}
	sum := 0.0
	for i, w := range j.Weights {
		if isBad(w) || w < 0 {
			return nil, 0, 0, paramErr(unmarshalFn, path+"pool.weights["+strconv.Itoa(i)+"]", w, "must be finite and ≥ 0")
		}
		sum += w
	}
	if math.Abs(sum-1) > 1e-9 {
		return nil, 0, 0, paramErr(unmarshalFn, "sum("+path+"pool.weights)", sum, "must be 1 (the weights are normalised)")
	}
	return &Pooling{Method: m, Inputs: inputs, Weights: j.Weights, Diagnostics: diagnose(inputs)}, nodes, height, nil
}

// checkInputs checks estimates to be pooled or compared: at least one,
// none zero, none a point.
func checkInputs(fn, name string, es []Estimate) error {
	if len(es) == 0 {
		return paramErr(fn, "len("+name+")", 0, "must be ≥ 1")
	}
	for i, e := range es {
		if e.IsZero() {
			return paramProblem(fn, name+"["+strconv.Itoa(i)+"]", notZeroEstimate)
		}
		if e.IsPoint() {
			return fmt.Errorf("estimate: %s: %s[%d] %s= %v is a point: give it a spread (for example with Between) before pooling: %w",
				fn, name, i, quoteName(e.name), e.d.p[0], ErrNoSpread)
		}
	}
	return nil
}

// summaryJSON is the JSON form of a Summary.
type summaryJSON struct {
	Draws  int       `json:"draws"`
	Mean   jsonFloat `json:"mean"`
	SD     jsonFloat `json:"sd"`
	StdErr jsonFloat `json:"stderr"`
	Median jsonFloat `json:"median"`
	Lo90   jsonFloat `json:"lo90"`
	Hi90   jsonFloat `json:"hi90"`
}

// jsonFloat is a float64 written as null when it is NaN or infinite, which
// JSON cannot represent.
type jsonFloat float64

func (f jsonFloat) MarshalJSON() ([]byte, error) {
	if isBad(float64(f)) {
		return []byte("null"), nil
	}
	return json.Marshal(float64(f))
}

// MarshalJSON encodes s as a JSON object:
//
//	{"draws": 100000, "mean": 783900, "sd": 122300, "stderr": 386.8,
//	 "median": 774500, "lo90": 600100, "hi90": 999800}
//
// with the values of [Summary.Draws], [Summary.Mean], [Summary.SD],
// [Summary.StdErr], [Summary.Median] and [Summary.Interval](0.9) (lo90
// and hi90, the equal-tailed 90% interval). A value that is undefined, such
// as the SD of a single draw, is null. The zero Summary encodes as null.
//
// The encoding is one way: a Summary cannot be decoded, since it is made
// only by [Model.Run] (see [Summary.UnmarshalJSON]); decode the object into
// a struct or a map. To keep the whole distribution, encode
// [Summary.Samples].
func (s Summary) MarshalJSON() ([]byte, error) {
	if s.o == nil {
		return []byte("null"), nil
	}
	lo, hi := s.Interval(0.9)
	return json.Marshal(summaryJSON{
		Draws:  s.Draws(),
		Mean:   jsonFloat(s.Mean()),
		SD:     jsonFloat(s.SD()),
		StdErr: jsonFloat(s.StdErr()),
		Median: jsonFloat(s.Median()),
		Lo90:   jsonFloat(lo),
		Hi90:   jsonFloat(hi),
	})
}

// UnmarshalJSON returns an error wrapping [errors.ErrUnsupported] and leaves
// s unchanged: a Summary is a view of a run's samples, and the description
// [Summary.MarshalJSON] writes (draws, mean, quantiles...) cannot rebuild
// them. Decode that object into a struct or a map instead. JSON null, which
// the zero Summary encodes as, is accepted and leaves s unchanged, as
// encoding/json's convention asks.
func (s *Summary) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	return fmt.Errorf("estimate: Summary.UnmarshalJSON: a Summary is a view of a run's samples and cannot be rebuilt from its JSON description; decode into a struct or a map: %w", errors.ErrUnsupported)
}

// diagnosticsJSON is the JSON form of Diagnostics, with the field names
// encoding/json gave it before it had a MarshalJSON.
type diagnosticsJSON struct {
	Q        jsonFloat `json:"Q"`
	DF       int       `json:"DF"`
	P        jsonFloat `json:"P"`
	I2       jsonFloat `json:"I2"`
	Disjoint [][2]int  `json:"Disjoint"`
	Pairs    int       `json:"DisjointPairs"`
}

// diagnosticsIn is the JSON form of Diagnostics as decoded: null is NaN.
type diagnosticsIn struct {
	Q        *float64 `json:"Q"`
	DF       int      `json:"DF"`
	P        *float64 `json:"P"`
	I2       *float64 `json:"I2"`
	Disjoint [][2]int `json:"Disjoint"`
	Pairs    *int     `json:"DisjointPairs"`
}

// MarshalJSON encodes d as
//
//	{"Q": 4.72, "DF": 3, "P": 0.193, "I2": 0.365, "Disjoint": [[2, 3]], "DisjointPairs": 1}
//
// the fields' names and values as they are. Q, P or I2 when undefined (NaN,
// as for a single estimate or for estimates with no log-space spread) are
// null, since JSON has no NaN; Disjoint is null when no pair is disjoint.
// A [Pooling] therefore always encodes.
func (d Diagnostics) MarshalJSON() ([]byte, error) {
	return json.Marshal(diagnosticsJSON{Q: jsonFloat(d.Q), DF: d.DF, P: jsonFloat(d.P), I2: jsonFloat(d.I2), Disjoint: d.Disjoint, Pairs: d.DisjointPairs})
}

// UnmarshalJSON decodes diagnostics written by [Diagnostics.MarshalJSON]:
// a null or missing Q, P or I2 becomes NaN (undefined), never 0; a missing
// DisjointPairs (as written before it existed) is the length of Disjoint;
// a negative one is an error. JSON null
// leaves d unchanged. Errors wrap [ErrInvalid]; on error d is unchanged.
func (d *Diagnostics) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	var j diagnosticsIn
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("estimate: Diagnostics.UnmarshalJSON: %w: %w", ErrInvalid, err)
	}
	orNaN := func(p *float64) float64 {
		if p == nil {
			return math.NaN()
		}
		return *p
	}
	pairs := len(j.Disjoint)
	if j.Pairs != nil {
		pairs = *j.Pairs
	}
	if pairs < len(j.Disjoint) {
		return paramErr("Diagnostics.UnmarshalJSON", "DisjointPairs", float64(pairs), "must be ≥ the length of Disjoint, "+strconv.Itoa(len(j.Disjoint)))
	}
	*d = Diagnostics{Q: orNaN(j.Q), DF: j.DF, P: orNaN(j.P), I2: orNaN(j.I2), Disjoint: j.Disjoint, DisjointPairs: pairs}
	return nil
}
