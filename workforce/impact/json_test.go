package impact_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/exodus-lab/exodus/workforce"
	"github.com/exodus-lab/exodus/workforce/impact"
)

func TestJSON(t *testing.T) {
	v := twoValues()
	delete(v.Labour, workforce.Information) // a missing figure becomes null
	im, err := impact.Assess(ctx, twoSector(t), impact.Options{Values: v, Remote: point(0.1)})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(im)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Year    int
		Basis   string
		Sectors []map[string]any
		Total   map[string]any
		Share   map[string]any `json:"share_of_gdp"`
		Notes   []string
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Year != 2022 || got.Basis != "wages" || len(got.Sectors) != 2 || len(got.Notes) == 0 {
		t.Fatalf("decoded %+v", got)
	}
	c, j := got.Sectors[0], got.Sectors[1]
	if c["sector"] != "C" || j["sector"] != "J" {
		t.Errorf("sectors %v %v", c["sector"], j["sector"])
	}
	// hand: 108 × 600,000 = 6.48e7 (TestTwoSectorByHand).
	if w := c["wage_bill"].(map[string]any)["point"].(float64); math.Abs(w-6.48e7) > 1e-6 {
		t.Errorf("C wage bill %v", w)
	}
	if j["wage_bill"] != nil || j["labour_per_person"] != nil {
		t.Errorf("J missing wage: %v, %v", j["wage_bill"], j["labour_per_person"])
	}
	if _, ok := got.Total["sector"]; ok {
		t.Error("total has a sector")
	}
	// hand: 4.05e8 + 2.16e8 = 6.21e8 over GDP 1e10.
	if s := got.Share["value_added"].(map[string]any)["point"].(float64); math.Abs(s-0.0621) > 1e-12 {
		t.Errorf("share %v", s)
	}
	if b, err := json.Marshal((*impact.Impact)(nil)); err != nil || string(b) != "null" {
		t.Errorf("nil: %s, %v", b, err)
	}
	if b, err := (*impact.Impact)(nil).MarshalJSON(); err != nil || len(b) == 0 {
		t.Errorf("nil MarshalJSON: %s, %v", b, err)
	}
	if b, _ := json.Marshal(impact.Figure{Point: 1, Lo: math.Inf(-1), Hi: 2}); string(b) != `{"point":1,"lo":null,"hi":2}` {
		t.Errorf("figure %s", b)
	}
}
