package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A TableColumn is one column of a Table, in data order.
type TableColumn struct {
	Title string
	// Width is the least width the column gets; Flex its share of the
	// width left over once every column has its least (0: fixed).
	Width, Flex float32
	Align       fyne.TextAlign // as for left-to-right text; mirrored in Arabic
}

// Table is a virtualised table of text cells under a header row of our
// own: Fyne's header rows create a separator per row when laid out before
// the table has a height (TOOLCHAIN.md). Its columns run from the start
// side, so in Arabic the first data column is at the right.
type Table struct {
	Content fyne.CanvasObject
	Table   *widget.Table
	columns []TableColumn
}

// NewTable builds a table of rows() rows; cell fills the text of a cell by
// data row and data column.
func NewTable(columns []TableColumn, rows func() int, cell func(row, col int) string) *Table {
	t := &Table{columns: columns}
	n := len(columns)
	t.Table = widget.NewTable(
		func() (int, int) { return rows(), n },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			col := Column(id.Col, n)
			l := o.(*widget.Label)
			l.Alignment = Align(columns[col].Align)
			l.SetText(Text(cell(id.Row, col)))
		})
	titles := make([]fyne.CanvasObject, n)
	for i := range n {
		title := NewBold(columns[Column(i, n)].Title)
		title.Alignment = Align(columns[Column(i, n)].Align)
		title.Truncation = fyne.TextTruncateEllipsis
		titles[i] = title
	}
	header := &fyne.Container{Layout: &tableHeader{t: t}, Objects: titles}
	t.Content = Border(header, nil, nil, nil, t.Table)
	return t
}

// DataColumn returns the data column shown at visual column i, for
// OnSelected handlers.
func (t *Table) DataColumn(i int) int { return Column(i, len(t.columns)) }

// tableHeader places the titles in visual order and gives the table the
// same column widths.
type tableHeader struct {
	t      *Table
	widths []float32
}

// visualWidths spreads total over the columns in visual order.
func (h *tableHeader) visualWidths(total float32) []float32 {
	n := len(h.t.columns)
	widths := make([]float32, n)
	spare := total - theme.Padding()*float32(n-1)
	var shares float32
	for i := range n {
		c := h.t.columns[Column(i, n)]
		widths[i], spare, shares = c.Width, spare-c.Width, shares+c.Flex
	}
	if spare > 0 && shares > 0 {
		for i := range n {
			widths[i] += spare * h.t.columns[Column(i, n)].Flex / shares
		}
	}
	return widths
}

func (h *tableHeader) Layout(titles []fyne.CanvasObject, size fyne.Size) {
	widths := h.visualWidths(size.Width - theme.Size(theme.SizeNameScrollBar))
	var x float32
	for i, title := range titles {
		title.Move(fyne.NewPos(x, 0))
		title.Resize(fyne.NewSize(widths[i], size.Height))
		x += widths[i] + theme.Padding()
		if len(h.widths) != len(widths) || h.widths[i] != widths[i] {
			h.t.Table.SetColumnWidth(i, widths[i])
		}
	}
	h.widths = widths
}

// MinSize is every column at its least width: narrower, the table would
// scroll sideways under a header that cannot.
func (h *tableHeader) MinSize(titles []fyne.CanvasObject) fyne.Size {
	width := theme.Size(theme.SizeNameScrollBar)
	var height float32
	for i, c := range h.t.columns {
		width += c.Width
		if i > 0 {
			width += theme.Padding()
		}
		height = max(height, titles[i].MinSize().Height)
	}
	return fyne.NewSize(width, height)
}
