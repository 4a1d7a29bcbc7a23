package workforce

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/exodus-lab/exodus"
)

// HeadcountCSVHeader is the header record of [Headcount.WriteCSV], the
// one set of column names of the headcount table (see the package
// documentation, "The headcount table").
const HeadcountCSVHeader = "sector,sector_title,skill_level,count,lo,hi,sector_workforce,share_of_sector_workforce"

// WriteCSV writes the headcounts as CSV in the schema of the package
// documentation ("The headcount table"): the header [HeadcountCSVHeader],
// then one record per sector and skill level, sectors in the workforce's
// row order and levels 1 to 4. The zero Headcount writes the header
// alone. Errors come from w.
func (h *Headcount) WriteCSV(w io.Writer) error {
	h = h.orZero()
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"sector", "sector_title", "skill_level", "count", "lo", "hi", "sector_workforce", "share_of_sector_workforce"}); err != nil {
		return fmt.Errorf("workforce: write headcount csv: %w", err)
	}
	i64 := func(n int64) string { return strconv.FormatInt(n, 10) }
	rec := make([]string, 8)
	for _, s := range h.sectors {
		wf := strconv.FormatFloat(h.BySector(s).Workforce, 'f', -1, 64) // persons: no exponent
		for _, k := range SkillLevels() {
			c := h.Cell(s, k)
			lo, hi := c.Range()
			rec = append(rec[:0], s.String(), s.Title(), k.String(), i64(c.N), i64(lo), i64(hi), wf, shortest(h.cellShare(s, k)))
			if err := cw.Write(rec); err != nil {
				return fmt.Errorf("workforce: write headcount csv: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("workforce: write headcount csv: %w", err)
	}
	return nil
}

// shortest writes x in the shortest form that reads back exactly, or ""
// when it is not a number.
func shortest(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// The JSON form of a Headcount; field names as the CSV's columns.
type (
	headcountJSON struct {
		Level       float64         `json:"level"`
		Draws       int             `json:"draws"`
		Total       countJSON       `json:"total"`
		Sectors     []sectorJSON    `json:"sectors"`
		SkillLevels []levelJSON     `json:"skill_levels"`
		Bands       []bandJSON      `json:"bands"`
		Capped      capJSON         `json:"capped"`
		Sources     []exodus.Source `json:"sources"`
		Notes       []string        `json:"notes"`
	}
	countJSON struct {
		Count int64 `json:"count"`
		Lo    int64 `json:"lo"`
		Hi    int64 `json:"hi"`
	}
	sectorJSON struct {
		Sector Sector `json:"sector"`
		Title  string `json:"sector_title"`
		countJSON
		Workforce float64    `json:"sector_workforce"`
		Share     *float64   `json:"share_of_sector_workforce"`
		Cells     []cellJSON `json:"cells"`
	}
	cellJSON struct {
		Level SkillLevel `json:"skill_level"`
		countJSON
		Share *float64 `json:"share_of_sector_workforce"`
	}
	levelJSON struct {
		Level SkillLevel `json:"skill_level"`
		countJSON
	}
	bandJSON struct {
		Band Band `json:"band"`
		countJSON
	}
	capJSON struct {
		Capped       int            `json:"capped"`
		TotalCapped  int            `json:"total_capped"`
		Sectors      map[Sector]int `json:"sectors"`
		PointMoved   float64        `json:"point_moved"`
		PointSectors []Sector       `json:"point_sectors"`
	}
)

func finite(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

// MarshalJSON implements [json.Marshaler] with the headcount table in the
// schema of the package documentation ("The headcount table"), meant for
// reports and other programs; it is one-way (there is no UnmarshalJSON:
// recompute with [NewHeadcount]). The receiver is a value, so that a struct
// field of type Headcount marshals too; encoding/json writes null for a
// nil *Headcount.
func (hv Headcount) MarshalJSON() ([]byte, error) {
	h := &hv
	c := h.Capped()
	j := headcountJSON{
		Level:       h.level,
		Draws:       h.Draws(),
		Total:       newCountJSON(h.Total()),
		Sectors:     make([]sectorJSON, 0, len(h.sectors)),
		SkillLevels: make([]levelJSON, 0, NumSkillLevels),
		Bands:       make([]bandJSON, 0, NumBands),
		Capped: capJSON{Capped: c.Capped, TotalCapped: c.TotalCapped, Sectors: c.Sectors,
			PointMoved: c.PointMoved, PointSectors: c.PointSectors},
		Sources: h.Sources(),
		Notes:   h.Notes(),
	}
	if j.Sources == nil {
		j.Sources = []exodus.Source{}
	}
	if j.Notes == nil {
		j.Notes = []string{}
	}
	if j.Capped.Sectors == nil {
		j.Capped.Sectors = map[Sector]int{}
	}
	if j.Capped.PointSectors == nil {
		j.Capped.PointSectors = []Sector{}
	}
	for _, s := range h.sectors {
		sc := h.BySector(s)
		sj := sectorJSON{
			Sector: s, Title: s.Title(), countJSON: newCountJSON(sc),
			Workforce: sc.Workforce, Share: finite(sc.Share()),
			Cells: make([]cellJSON, 0, NumSkillLevels),
		}
		for _, k := range SkillLevels() {
			sj.Cells = append(sj.Cells, cellJSON{Level: k,
				countJSON: newCountJSON(h.Cell(s, k)),
				Share:     finite(h.cellShare(s, k))})
		}
		j.Sectors = append(j.Sectors, sj)
	}
	for _, k := range SkillLevels() {
		j.SkillLevels = append(j.SkillLevels, levelJSON{Level: k, countJSON: newCountJSON(h.BySkill(k))})
	}
	for _, b := range Bands() {
		j.Bands = append(j.Bands, bandJSON{Band: b, countJSON: newCountJSON(h.ByBand(b))})
	}
	return json.Marshal(j)
}

func newCountJSON(c Count) countJSON {
	lo, hi := c.Range()
	return countJSON{Count: c.N, Lo: lo, Hi: hi}
}
