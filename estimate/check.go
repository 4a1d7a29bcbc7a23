package estimate

import "math"

// A flaw says which parameter or derived value of a distribution makes it
// unusable: one its own methods, [Estimate.String] or its JSON round trip
// would not accept.
type flaw struct {
	name string  // "sd", "sigma", "mean", "median"
	v    float64 // its value
	why  string  // "must be > 0"
}

// String returns "sd = 0, which must be > 0".
func (f *flaw) String() string { return f.name + " = " + fmtG(f.v) + ", which " + f.why }

// flaw checks the invariant every Estimate holds, wherever it was built
// (a constructor, a pool, a decoder): each parameter obeys the rules of
// its family's constructor, so that the JSON decodes, and the mean, SD,
// median and 90% interval are finite, so that the JSON encodes and the
// methods return numbers. It returns nil when d is usable. d's moments
// must have been computed.
func (d *dist) flaw() *flaw {
	magnitude := func(name string, v float64) *flaw {
		switch {
		case isBad(v):
			return &flaw{name, v, "must be finite"}
		case math.Abs(v) > MaxMagnitude:
			return &flaw{name, v, "must have a magnitude ≤ 1e150 (MaxMagnitude)"}
		}
		return nil
	}
	positive := func(name string, v float64) *flaw {
		if f := magnitude(name, v); f != nil {
			return f
		}
		if !(v > 0) {
			return &flaw{name, v, "must be > 0"}
		}
		return nil
	}
	shape := func(name string, v float64) *flaw {
		if f := positive(name, v); f != nil {
			return f
		}
		if v > maxShape {
			return &flaw{name, v, "must be ≤ 1e6"}
		}
		return nil
	}
	first := func(fs ...*flaw) *flaw {
		for _, f := range fs {
			if f != nil {
				return f
			}
		}
		return nil
	}
	p := d.p
	var f *flaw
	switch d.kind {
	case kindPoint:
		f = magnitude("value", p[0])
	case kindUniform:
		f = first(magnitude("lo", p[0]), magnitude("hi", p[1]))
		if f == nil && !(p[0] < p[1]) {
			f = &flaw{"hi", p[1], "must be > lo = " + fmtG(p[0])}
		}
	case kindTriangular, kindPERT:
		f = first(magnitude("lo", p[0]), magnitude("mode", p[1]), magnitude("hi", p[2]))
		if f == nil && !(p[0] < p[2]) {
			f = &flaw{"hi", p[2], "must be > lo = " + fmtG(p[0])}
		}
		if f == nil && !(p[0] <= p[1] && p[1] <= p[2]) {
			f = &flaw{"mode", p[1], "must be in [lo, hi] = [" + fmtG(p[0]) + ", " + fmtG(p[2]) + "]"}
		}
		if f == nil && d.kind == kindPERT {
			f = first(shape("lambda", p[5]), positive("alpha", p[3]), positive("beta", p[4]))
		}
	case kindNormal:
		f = first(magnitude("mean", p[0]), positive("sd", p[1]))
	case kindLogNormal, kindLogitNormal:
		f = first(magnitude("mu", p[0]), positive("sigma", p[1]))
		if m := math.Exp(p[0]); f == nil && d.kind == kindLogNormal && (!(m > 0) || math.IsInf(m, 0)) {
			f = &flaw{"mu", p[0], "must give a median exp(mu) that is a positive finite float64"}
		}
	case kindBeta:
		f = first(shape("a", p[0]), shape("b", p[1]))
	case kindMixture:
		if len(d.comps) == 0 {
			f = &flaw{"components", 0, "must be ≥ 1"}
		}
	case kindTable:
		if len(d.xs) < 2 || len(d.xs) != len(d.cum) {
			f = &flaw{"knots", float64(len(d.xs)), "must be ≥ 2"}
		}
	default:
		f = &flaw{"family", float64(d.kind), "must be a family of this package"}
	}
	if f != nil {
		return f
	}
	if isBad(d.mean) || isBad(d.sd) {
		if d.kind == kindLogNormal {
			return &flaw{"sigma", p[1], "is too large for mu = " + fmtG(p[0]) + ": the mean or SD overflows float64"}
		}
		if isBad(d.mean) {
			return &flaw{"mean", d.mean, "must be finite"}
		}
		return &flaw{"SD", d.sd, "must be finite"}
	}
	for _, q := range [...]struct {
		name string
		p    float64
	}{{"median", 0.5}, {"5% quantile", 0.05}, {"95% quantile", 0.95}} {
		if v := d.quantile(q.p); isBad(v) {
			return &flaw{q.name, v, "must be finite"}
		}
	}
	return nil
}

// derive completes d and checks it ([dist.flaw]). A flaw is blamed on the
// argument param = v of fn, with the context given: so NormalBetween(0,
// 5e-324) says "hi = 5e-324: too close to lo = 0: it gives sd = 0, which
// must be > 0".
func derive(fn, param string, v float64, context string, d *dist) (Estimate, error) {
	e := newEstimate(d)
	if f := d.flaw(); f != nil {
		if context != "" {
			context += ": "
		}
		return Estimate{}, paramErr(fn, param, v, context+"it gives "+f.String())
	}
	return e, nil
}

// log1pRatio returns ln(1 + num/den) = ln((den + num)/den), accurately
// when num is tiny beside den (where ln(den+num) − ln(den) rounds to 0).
// num and den are positive.
func log1pRatio(num, den float64) float64 {
	if r := num / den; !math.IsInf(r, 0) {
		return math.Log1p(r)
	}
	return math.Log(num) - math.Log(den) // num/den overflows: num ≫ den
}
