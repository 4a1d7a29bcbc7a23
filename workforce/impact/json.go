package impact

import (
	"encoding/json"
	"math"

	"github.com/exodus-lab/exodus"
)

// num is a float64 that encodes NaN (a missing value) as null, which
// encoding/json cannot write otherwise.
type num float64

func (x num) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
		return []byte("null"), nil
	}
	return json.Marshal(float64(x))
}

// MarshalJSON encodes the figure as {"point": …, "lo": …, "hi": …}, and a
// missing figure as null. Encoding is one way: there is no UnmarshalJSON.
func (f Figure) MarshalJSON() ([]byte, error) {
	if f.Missing() {
		return []byte("null"), nil
	}
	return json.Marshal(struct {
		Point num `json:"point"`
		Lo    num `json:"lo"`
		Hi    num `json:"hi"`
	}{num(f.Point), num(f.Lo), num(f.Hi)})
}

// MarshalJSON encodes the sector's impact as an object with the fields
// "sector" (its code, such as "J"; left out for the total), "people",
// "remote", "wage_bill", "value_added", "economy_wide" (each a [Figure]
// object or null when missing), "labour_per_person", "gva_per_person" and
// "multiplier" (numbers, or null when missing) and "flag" (left out when
// empty). Roubles are those of the [Impact]'s year.
func (s SectorImpact) MarshalJSON() ([]byte, error) {
	var sec string
	if s.Sector.Valid() {
		sec = s.Sector.String()
	}
	return json.Marshal(struct {
		Sector          string `json:"sector,omitempty"`
		People          Figure `json:"people"`
		Remote          Figure `json:"remote"`
		WageBill        Figure `json:"wage_bill"`
		ValueAdded      Figure `json:"value_added"`
		EconomyWide     Figure `json:"economy_wide"`
		LabourPerPerson num    `json:"labour_per_person"`
		GVAPerPerson    num    `json:"gva_per_person"`
		Multiplier      num    `json:"multiplier"`
		Flag            string `json:"flag,omitempty"`
	}{sec, s.People, s.Remote, s.WageBill, s.ValueAdded, s.EconomyWide,
		num(s.LabourPerPerson), num(s.GVAPerPerson), num(s.Multiplier), s.Flag})
}

// MarshalJSON encodes the impact as an object: "year", "basis" ("wages"
// or "compensation"), "technology" ([Technology.String]), "level",
// "draws", "gdp" and "gva" (roubles, null when unknown), "sectors" (an
// array of [SectorImpact]), "total", "share_of_gdp" (the total's
// "wage_bill", "value_added" and "economy_wide" as fractions of GDP),
// "method" ([Impact.Method]), "notes" and "sources". A nil *Impact
// encodes as null (encoding/json writes it without calling this method).
// Encoding is one way.
func (im *Impact) MarshalJSON() ([]byte, error) {
	im = im.orZero()
	nz := func(x float64) num {
		if x == 0 {
			return num(math.NaN())
		}
		return num(x)
	}
	t := im.Total()
	return json.Marshal(struct {
		Year       int               `json:"year"`
		Basis      string            `json:"basis"`
		Technology string            `json:"technology"`
		Level      float64           `json:"level"`
		Draws      int               `json:"draws"`
		GDP        num               `json:"gdp"`
		GVA        num               `json:"gva"`
		Sectors    []SectorImpact    `json:"sectors"`
		Total      SectorImpact      `json:"total"`
		Share      map[string]Figure `json:"share_of_gdp"`
		Method     string            `json:"method"`
		Notes      []string          `json:"notes"`
		Sources    []exodus.Source   `json:"sources"`
	}{im.Year(), im.Basis().String(), im.Technology().String(), im.Level(), im.Draws(), nz(im.GDP()), nz(im.GVA()),
		im.Sectors(), t,
		map[string]Figure{"wage_bill": im.ShareOfGDP(t.WageBill), "value_added": im.ShareOfGDP(t.ValueAdded), "economy_wide": im.ShareOfGDP(t.EconomyWide)},
		im.Method(), im.Notes(), im.Sources()})
}
