package cli

import (
	"bufio"
	"container/heap"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"calltally.app/drivers"
)

// reorderWindow is how many calls parse holds back to print them in start
// order: PBXs write a call when it ends, so records arrive out of start
// order, but not by more than the calls in progress at once.
const reorderWindow = 10000

// callWriter prints calls as JSON lines or as an aligned table. When
// sorting, it prints them in start order (within reorderWindow).
type callWriter struct {
	buf    *bufio.Writer
	json   *json.Encoder
	table  *tabwriter.Writer
	sort   bool
	queue  callHeap
	serial int
	err    error
}

func newCallWriter(w io.Writer, asJSON bool) *callWriter {
	cw := &callWriter{buf: bufio.NewWriter(w), sort: true}
	if asJSON {
		cw.json = json.NewEncoder(cw.buf)
		cw.json.SetEscapeHTML(false)
		return cw
	}
	cw.table = tabwriter.NewWriter(cw.buf, 0, 8, 2, ' ', 0)
	fmt.Fprintln(cw.table, "START\tDIRECTION\tEXTENSION\tEXTERNAL\tDURATION\tANSWERED\tTRUNK\tACCOUNT\tLEGS\tDEPARTMENT\tCOST")
	return cw
}

func (cw *callWriter) add(c drivers.Call) {
	if !cw.sort {
		cw.write(&c)
		return
	}
	cw.serial++
	heap.Push(&cw.queue, queued{c, cw.serial})
	if cw.queue.Len() > reorderWindow {
		q := heap.Pop(&cw.queue).(queued)
		cw.write(&q.call)
	}
}

func (cw *callWriter) write(c *drivers.Call) {
	if cw.err != nil {
		return
	}
	if cw.json != nil {
		cw.err = cw.json.Encode(c)
		return
	}
	_, cw.err = fmt.Fprintf(cw.table, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n",
		c.Start.Format("2006-01-02 15:04:05"), c.Direction, c.Extension, c.External,
		clock(c.Duration), yesNo(c.Answered), c.Trunk, c.AccountCode, len(c.Legs),
		c.Department, cost(c))
}

// cost is a priced call's cost with its currency; blank for one no tariff
// priced (or only parsed).
func cost(c *drivers.Call) string {
	if !c.Rated {
		return ""
	}
	return drivers.Micro(c.Cost) + " " + c.Currency
}

func (cw *callWriter) close() error {
	for cw.queue.Len() > 0 {
		q := heap.Pop(&cw.queue).(queued)
		cw.write(&q.call)
	}
	if cw.table != nil && cw.err == nil {
		cw.err = cw.table.Flush()
	}
	if cw.err == nil {
		cw.err = cw.buf.Flush()
	}
	return cw.err
}

func clock(secs int) string {
	return fmt.Sprintf("%d:%02d:%02d", secs/3600, secs/60%60, secs%60)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

type queued struct {
	call   drivers.Call
	serial int
}

// callHeap orders calls by start, then by arrival, so equal starts keep
// the order the PBX wrote them in.
type callHeap []queued

func (h callHeap) Len() int { return len(h) }
func (h callHeap) Less(i, j int) bool {
	if !h[i].call.Start.Equal(h[j].call.Start) {
		return h[i].call.Start.Before(h[j].call.Start)
	}
	return h[i].serial < h[j].serial
}
func (h callHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *callHeap) Push(x any)   { *h = append(*h, x.(queued)) }
func (h *callHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
