package estimate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/exodus-lab/exodus"
)

// compositionJSON is the JSON form of a Composition as encoded.
type compositionJSON struct {
	Kind    string          `json:"kind"`
	Name    string          `json:"name"`
	Alpha   []float64       `json:"alpha,omitempty"`
	Shares  []float64       `json:"shares,omitempty"`
	Ranges  []Estimate      `json:"ranges,omitempty"`
	Mean    []float64       `json:"mean,omitempty"`
	Sources []exodus.Source `json:"sources"`
}

// compositionIn is the JSON form of a Composition as decoded.
type compositionIn struct {
	Kind          *string           `json:"kind"`
	Name          string            `json:"name"`
	Alpha         []float64         `json:"alpha"`
	Mean          []float64         `json:"mean"`
	Concentration *float64          `json:"concentration"`
	Shares        []float64         `json:"shares"`
	Ranges        []json.RawMessage `json:"ranges"`
	Sources       []exodus.Source   `json:"sources"`
}

const compUnmarshalFn = "Composition.UnmarshalJSON"

// MarshalJSON encodes c as a JSON object whose "kind" says how it was
// built, with that kind's parameters, named as the constructor's
// arguments:
//
//	{"kind": "dirichlet", "name": "sectors", "alpha": [2, 6], "mean": [0.25, 0.75], "sources": []}
//	{"kind": "range", "name": "", "ranges": [{...}, {...}], "mean": [0.5, 0.5], "sources": []}
//	{"kind": "fixed", "name": "", "shares": [0.25, 0.25, 0.5], "sources": []}
//
// A [Dirichlet] and a [DirichletMean] are both written as "dirichlet" with
// their "alpha"; [RangeShares] as "range" with "ranges", each encoded as
// [Estimate.MarshalJSON] does; [FixedShares] as "fixed" with the
// normalised "shares". "mean" ([Composition.Mean]) is there for readers;
// decoding ignores it except for "dirichlet-mean". "sources" is always a
// list, empty when there are none. Numbers are written with the fewest
// digits that read back as the same float64, so a composition round-trips
// exactly. The zero Composition encodes as null.
func (c Composition) MarshalJSON() ([]byte, error) {
	j := compositionJSON{Name: c.name, Sources: c.sources}
	switch c.kind {
	case compDirichlet:
		j.Kind, j.Alpha, j.Mean = "dirichlet", c.alpha, c.mean
	case compRanges:
		j.Kind, j.Ranges, j.Mean = "range", c.ranges, c.mean
	case compFixed:
		j.Kind, j.Shares = "fixed", c.mean
	default:
		return []byte("null"), nil
	}
	if j.Sources == nil {
		j.Sources = []exodus.Source{}
	}
	b, err := json.Marshal(j)
	if err != nil {
		return nil, fmt.Errorf("estimate: Composition.MarshalJSON: %w", err)
	}
	return b, nil
}

// UnmarshalJSON decodes a composition written by [Composition.MarshalJSON]
// and rebuilds it with its constructor, so that it is validated as any
// other and draws the same shares. One more kind is accepted, for JSON
// written by hand:
//
//	{"kind": "dirichlet-mean", "mean": [0.27, 0.45, 0.28], "concentration": 99}
//
// which is [DirichletMean] (and encodes again as "dirichlet"). "name" and
// "sources" are restored; unknown fields are ignored. JSON null leaves c
// unchanged.
//
// Errors wrap [ErrInvalid], as a [*ParamError] naming the field (such as
// "alpha[1]", "kind" or "ranges[0].params.hi") when the content is at
// fault; a range may also give the errors of [Estimate.UnmarshalJSON]. On
// error c is unchanged.
func (c *Composition) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	var j compositionIn
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("estimate: %s: %w: %w", compUnmarshalFn, ErrInvalid, err)
	}
	out, err := j.build()
	if err != nil {
		return err
	}
	out.name = j.Name
	if len(j.Sources) > 0 {
		out.sources = j.Sources
	}
	*c = out
	return nil
}

func (j *compositionIn) build() (Composition, error) {
	if j.Kind == nil {
		return Composition{}, paramProblem(compUnmarshalFn, "kind", "missing")
	}
	kind := *j.Kind
	missing := func(field string) error {
		return paramProblem(compUnmarshalFn, field, "missing for kind "+kind)
	}
	var out Composition
	var err error
	switch kind {
	case "dirichlet":
		if j.Alpha == nil {
			return Composition{}, missing("alpha")
		}
		out, err = Dirichlet(j.Alpha)
	case "dirichlet-mean":
		if j.Mean == nil {
			return Composition{}, missing("mean")
		}
		if j.Concentration == nil {
			return Composition{}, missing("concentration")
		}
		out, err = DirichletMean(j.Mean, *j.Concentration)
	case "fixed":
		if j.Shares == nil {
			return Composition{}, missing("shares")
		}
		out, err = FixedShares(j.Shares)
	case "range":
		if j.Ranges == nil {
			return Composition{}, missing("ranges")
		}
		ranges := make([]Estimate, len(j.Ranges))
		for i, raw := range j.Ranges {
			if err := json.Unmarshal(raw, &ranges[i]); err != nil {
				return Composition{}, prefixParam(err, "ranges["+strconv.Itoa(i)+"].")
			}
		}
		out, err = RangeShares(ranges)
	default:
		return Composition{}, paramProblem(compUnmarshalFn, "kind",
			strconv.Quote(kind)+` is not "dirichlet", "dirichlet-mean", "range" or "fixed"`)
	}
	if pe, ok := errors.AsType[*ParamError](err); ok {
		// Name the kind of the JSON rather than the constructor.
		c := *pe
		c.Func = compUnmarshalFn + ": " + kind
		return Composition{}, &c
	}
	return out, err
}

// prefixParam returns err with prefix put before the parameter it names,
// if it is a *ParamError: "params.hi" in the third range becomes
// "ranges[2].params.hi", "len(pool.inputs)" becomes
// "len(ranges[2].pool.inputs)".
func prefixParam(err error, prefix string) error {
	pe, ok := errors.AsType[*ParamError](err)
	if !ok {
		return &nested{prefix: "estimate: " + compUnmarshalFn + ": " + strings.TrimSuffix(prefix, "."), err: err}
	}
	c := *pe
	if fn, rest, ok := strings.Cut(c.Param, "("); ok && !strings.Contains(fn, ".") && !strings.Contains(fn, "[") {
		c.Param = fn + "(" + prefix + rest
	} else {
		c.Param = prefix + c.Param
	}
	return &c
}
