package store

// Writing new articles straight into the layout of Cayley's kv backend.
//
// Cayley's writer (kv.QuadStore.ApplyDeltas) spends most of a large load on
// bookkeeping around the bolt writes: hashing every value of every quad,
// maps keyed by strings, metrics, a bucket lookup from the root for every
// key. bulkWrite makes the same bolt writes, key for key and byte for byte
// (TestBulkLikeCayley compares the two), with each distinct value hashed
// once, the ids of known values remembered between transactions, and keys
// put in order within each bucket. It handles additions only: replacing or
// removing an article still goes through Cayley's writer.

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// The buckets and meta keys of Cayley's kv layout (graph/kv/indexing.go).
var (
	bucketMeta  = []byte("meta")
	bucketLog   = []byte("log")
	metaHorizon = []byte("horizon")
	metaSize    = []byte("size")
	metaIndexes = []byte("indexes")
	// errNoIndexes: bulkWrite cannot write this store (not a bolt file, or
	// one written by Cayley before 0.7.6, without an index list); Cayley's
	// writer must.
	errNoIndexes = errors.New("store is not a bolt file with Cayley's index list")
)

// idCacheSize bounds the ids of values remembered between transactions;
// when full it starts again.
const idCacheSize = 1 << 18

// bulkNode is one distinct value of a transaction.
type bulkNode struct {
	hash    graph.ValueHash
	val     quad.Value
	refs    int // directions of quads added that use it
	delRefs int // directions of stored quads deleted that used it
	id      uint64
	isNew   bool
}

// bulkWrite adds and deletes quads in one bolt transaction, as Cayley's
// writer does with IgnoreDup and IgnoreMissing: a quad added that is
// stored already is skipped, though (as there) its values' reference
// counts still grow, and a quad deleted that is not stored is ignored. A
// deleted quad stays in the log, marked deleted, and in the indexes; a
// value no quad uses any more is deleted. adds and dels must not share a
// quad. It returns the number of distinct quads in adds.
//
// Cayley's own writer gets one case wrong, which is why replacing an
// article comes here too: a quad added in a transaction that lowers the
// reference count of one of its values (an article that lost sentences)
// is stored without that value.
func (s *Store) bulkWrite(adds, dels []quad.Quad) (int, error) {
	indexes, err := s.quadIndexes()
	if err != nil {
		return 0, err
	}
	adds, dels = distinctQuads(adds), distinctQuads(dels)
	// Distinct values, each hashed once; values with the same hash are one node.
	byVal := make(map[quad.Value]*bulkNode, len(adds)+len(dels))
	byHash := make(map[graph.ValueHash]*bulkNode, len(adds)+len(dels))
	var nodes []*bulkNode
	nodesOf := func(qs []quad.Quad, count bool) [][4]*bulkNode {
		out := make([][4]*bulkNode, len(qs)) // by direction
		for i, q := range qs {
			for j, d := range quad.Directions {
				v := q.Get(d)
				if v == nil {
					continue
				}
				n := byVal[v]
				if n == nil {
					h := graph.HashOf(v)
					if n = byHash[h]; n == nil {
						n = &bulkNode{hash: h, val: v}
						byHash[h] = n
						nodes = append(nodes, n)
					}
					byVal[v] = n
				}
				if count {
					n.refs++
				}
				out[i][j] = n
			}
		}
		return out
	}
	addNodes, delNodes := nodesOf(adds, true), nodesOf(dels, false)
	byVal, byHash = nil, nil
	// Cayley numbers new values in the order of their hashes.
	sort.Slice(nodes, func(i, j int) bool { return bytes.Compare(nodes[i].hash[:], nodes[j].hash[:]) < 0 })

	tx, err := s.bolt.Begin(true)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	w := &bulkTx{tx: tx, buckets: map[string]*bolt.Bucket{}}

	// Which values the store has.
	for _, n := range nodes {
		if id, ok := s.ids[n.hash]; ok {
			n.id = id
		} else if b := w.get(valueBucket('v', n.hash), n.hash[:]); len(b) > 0 {
			n.id, _ = binary.Uvarint(b)
		}
	}
	puts := make([]bulkPut, 0, 2*len(nodes)+(1+len(indexes))*len(adds)+len(dels)+2)
	var dkeys []bulkPut // keys to delete

	// The quads deleted: those stored, found as Cayley finds them.
	deleted := 0
	for qi := range dels {
		var p proto.Primitive
		missing := false
		for i, d := range quad.Directions {
			if n := delNodes[qi][i]; n != nil {
				p.SetDirection(d, n.id)
				missing = missing || n.id == 0
			}
		}
		if missing {
			continue
		}
		found, err := w.findLink(indexes, &p)
		if err != nil {
			return 0, err
		}
		if found == nil {
			continue
		}
		found.Deleted = true
		buf, err := found.Marshal()
		if err != nil {
			return 0, err
		}
		puts = append(puts, bulkPut{bucketLog, logKey(found.ID), buf})
		for _, n := range delNodes[qi] {
			if n != nil {
				n.delRefs++
			}
		}
		deleted++
	}

	// New values: those the quads added use and the store lacks.
	now := time.Now().UnixNano()
	horizon, err := w.metaInt(metaHorizon)
	if err != nil {
		return 0, err
	}
	stored := uint64(horizon) // ids above it are new in this transaction
	fresh := 0
	for _, n := range nodes {
		if n.id != 0 || n.refs == 0 {
			continue
		}
		n.isNew = true
		n.id = uint64(horizon) + 1 + uint64(fresh)
		fresh++
		val, err := pquads.MarshalValue(n.val)
		if err != nil {
			return 0, err
		}
		p := proto.Primitive{ID: n.id, Value: val, Timestamp: now}
		buf, err := p.Marshal()
		if err != nil {
			return 0, err
		}
		puts = append(puts,
			bulkPut{valueBucket('v', n.hash), n.hash[:], binary.AppendUvarint(nil, n.id)},
			bulkPut{bucketLog, logKey(n.id), buf})
	}
	horizon += int64(fresh)
	// Reference counts: new values start at their uses, known ones change
	// by the quads added and deleted; a value left unused goes.
	var gone []*bulkNode
	for _, n := range nodes {
		if n.id == 0 || n.refs == 0 && n.delRefs == 0 {
			continue
		}
		refs := int64(n.refs - n.delRefs)
		if !n.isNew {
			if b := w.get(valueBucket('n', n.hash), n.hash[:]); b != nil {
				old, _ := binary.Uvarint(b)
				refs += int64(old)
			}
		}
		if refs > 0 {
			puts = append(puts, bulkPut{valueBucket('n', n.hash), n.hash[:], binary.AppendUvarint(nil, uint64(refs))})
			continue
		}
		dkeys = append(dkeys, bulkPut{bucket: valueBucket('n', n.hash), key: n.hash[:]})
		if n.delRefs > 0 { // as Cayley: a value goes only with a quad deleted
			dkeys = append(dkeys, bulkPut{bucket: valueBucket('v', n.hash), key: n.hash[:]}, bulkPut{bucket: bucketLog, key: logKey(n.id)})
			gone = append(gone, n)
		}
	}

	// The quads added: new unless all their values were known and the
	// indexes hold the same link already.
	var links []proto.Primitive
	seenLink := make(map[[4]uint64]struct{}, len(adds))
	for qi := range adds {
		var p proto.Primitive
		var key [4]uint64
		mustBeNew := false
		for i, d := range quad.Directions {
			n := addNodes[qi][i]
			if n == nil {
				continue
			}
			p.SetDirection(d, n.id)
			key[i] = n.id
			mustBeNew = mustBeNew || n.isNew
		}
		if _, ok := seenLink[key]; ok {
			continue
		}
		seenLink[key] = struct{}{}
		if !mustBeNew {
			found, err := w.findLink(indexes, &p)
			if err != nil {
				return 0, err
			}
			if found != nil {
				continue
			}
		}
		links = append(links, p)
	}
	// Index entries: a key with a value new in this transaction is new
	// too, and need not be looked up.
	type entry struct {
		ids []uint64
		new bool
	}
	index := map[string]map[string]*entry{}
	for i := range links {
		p := &links[i]
		p.ID = uint64(horizon) + 1 + uint64(i)
		p.Timestamp = now
		buf, err := p.Marshal()
		if err != nil {
			return 0, err
		}
		puts = append(puts, bulkPut{bucketLog, logKey(p.ID), buf})
		for _, ind := range indexes {
			k := ind.KeyFor(p)
			m := index[string(k[0])]
			if m == nil {
				m = map[string]*entry{}
				index[string(k[0])] = m
			}
			e := m[string(k[1])]
			if e == nil {
				e = &entry{}
				for _, d := range ind.Dirs {
					e.new = e.new || p.GetDirection(d) > stored
				}
				m[string(k[1])] = e
			}
			e.ids = append(e.ids, p.ID)
		}
	}
	horizon += int64(len(links))
	for bucket, m := range index {
		for k, e := range m {
			var old []byte
			if !e.new {
				old = w.get([]byte(bucket), []byte(k))
			}
			puts = append(puts, bulkPut{[]byte(bucket), []byte(k), appendIDs(old, e.ids)})
		}
	}
	if fresh+len(links) > 0 {
		puts = append(puts, bulkPut{bucketMeta, metaHorizon, int64Bytes(horizon)})
	}
	if len(links)+deleted > 0 {
		size, err := w.metaInt(metaSize)
		if err != nil {
			return 0, err
		}
		puts = append(puts, bulkPut{bucketMeta, metaSize, int64Bytes(size + int64(len(links)-deleted))})
	}
	// In key order within each bucket: bolt inserts in order fastest.
	slices.SortFunc(puts, func(a, b bulkPut) int {
		if c := bytes.Compare(a.bucket, b.bucket); c != 0 {
			return c
		}
		return bytes.Compare(a.key, b.key)
	})
	for _, p := range puts {
		if err := w.put(p); err != nil {
			return 0, err
		}
	}
	for _, p := range dkeys {
		if err := w.del(p.bucket, p.key); err != nil {
			return 0, err
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	if s.ids == nil || len(s.ids)+len(nodes) > idCacheSize {
		s.ids = make(map[graph.ValueHash]uint64, len(nodes))
	}
	for _, n := range nodes {
		if n.id != 0 {
			s.ids[n.hash] = n.id
		}
	}
	for _, n := range gone {
		delete(s.ids, n.hash)
	}
	if len(gone) > 0 {
		// Cayley's quad store remembers the ids of IRIs it has read, and
		// only its own writer forgets them: open a new one over the file.
		if err := s.renew(); err != nil {
			return 0, err
		}
	}
	return len(adds), nil
}

// distinctQuads returns qs without repeats, in order, as a
// graph.Transaction keeps them.
func distinctQuads(qs []quad.Quad) []quad.Quad {
	seen := make(map[quad.Quad]struct{}, len(qs))
	out := make([]quad.Quad, 0, len(qs))
	for _, q := range qs {
		if _, ok := seen[q]; !ok {
			seen[q] = struct{}{}
			out = append(out, q)
		}
	}
	return out
}

// quadIndexes returns the store's quad indexes, as Cayley recorded them.
func (s *Store) quadIndexes() ([]kv.QuadIndex, error) {
	if s.indexes != nil {
		return s.indexes, nil
	}
	if s.bolt == nil {
		return nil, errNoIndexes
	}
	var out []kv.QuadIndex
	err := s.bolt.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMeta)
		if b == nil {
			return errNoIndexes
		}
		data := b.Get(metaIndexes)
		if len(data) == 0 {
			return errNoIndexes
		}
		if err := json.Unmarshal(data, &out); err != nil {
			return fmt.Errorf("reading the store's indexes: %v", err)
		}
		return nil
	})
	if err == nil && len(out) == 0 {
		err = errNoIndexes
	}
	if err != nil {
		return nil, err
	}
	s.indexes = out
	return out, nil
}

// bulkPut is one key to write.
type bulkPut struct{ bucket, key, val []byte }

// bulkTx is a bolt write transaction with its top-level buckets at hand.
type bulkTx struct {
	tx      *bolt.Tx
	buckets map[string]*bolt.Bucket
}

func (w *bulkTx) bucket(name []byte, create bool) (*bolt.Bucket, error) {
	if b := w.buckets[string(name)]; b != nil {
		return b, nil
	}
	b := w.tx.Bucket(name)
	if b == nil {
		if !create {
			return nil, nil
		}
		var err error
		if b, err = w.tx.CreateBucket(name); err != nil {
			return nil, err
		}
	}
	if bytes.Equal(name, bucketLog) {
		// Ids only grow, so the log is appended to: full pages, not the
		// half-full ones bolt leaves by default, make the file a third smaller.
		b.FillPercent = 1.0
	}
	w.buckets[string(name)] = b
	return b, nil
}

// get returns a copy of the value of key in bucket, nil if there is none.
func (w *bulkTx) get(bucket, key []byte) []byte {
	b, _ := w.bucket(bucket, false)
	if b == nil {
		return nil
	}
	return bytes.Clone(b.Get(key))
}

func (w *bulkTx) put(p bulkPut) error {
	b, err := w.bucket(p.bucket, true)
	if err != nil {
		return err
	}
	return b.Put(p.key, p.val)
}

func (w *bulkTx) del(bucket, key []byte) error {
	b, _ := w.bucket(bucket, false)
	if b == nil {
		return nil
	}
	return b.Delete(key)
}

func (w *bulkTx) metaInt(key []byte) (int64, error) {
	b := w.get(bucketMeta, key)
	switch len(b) {
	case 0:
		return 0, nil
	case 8:
		return int64(binary.LittleEndian.Uint64(b)), nil
	}
	return 0, fmt.Errorf("store meta %s: %d bytes, want 8", key, len(b))
}

// findLink returns the live quad with p's values that the store holds,
// nil if none, as Cayley's hasPrimitive finds it: among the quads every
// index lists under p's key, newest first.
func (w *bulkTx) findLink(indexes []kv.QuadIndex, p *proto.Primitive) (*proto.Primitive, error) {
	var options []uint64
	for i, ind := range indexes {
		k := ind.KeyFor(p)
		ids, err := decodeIDs(w.get(k[0], k[1]))
		if err != nil {
			return nil, err
		}
		if i == 0 {
			options = ids
		} else {
			options = intersectIDs(options, ids)
		}
	}
	for i := len(options) - 1; i >= 0; i-- {
		buf := w.get(bucketLog, logKey(options[i]))
		if buf == nil {
			continue
		}
		var q proto.Primitive
		if err := q.Unmarshal(buf); err != nil {
			return nil, err
		}
		if !q.Deleted && q.IsSameLink(p) {
			return &q, nil
		}
	}
	return nil, nil
}

// valueBucket is the bucket of a value's id ('v') or reference count ('n').
func valueBucket(kind byte, h graph.ValueHash) []byte { return []byte{kind, h[0], h[1]} }

func logKey(id uint64) []byte { return binary.BigEndian.AppendUint64(nil, id) }

func int64Bytes(v int64) []byte { return binary.LittleEndian.AppendUint64(nil, uint64(v)) }

// appendIDs appends ids to an index entry, a list of uvarints.
func appendIDs(entry []byte, ids []uint64) []byte {
	out := make([]byte, len(entry), len(entry)+binary.MaxVarintLen64*len(ids))
	copy(out, entry)
	for _, id := range ids {
		out = binary.AppendUvarint(out, id)
	}
	return out
}

func decodeIDs(b []byte) ([]uint64, error) {
	var out []uint64
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return out, errors.New("store index entry: bad uvarint")
		}
		out = append(out, v)
		b = b[n:]
	}
	return out, nil
}

// intersectIDs returns the ids in both sorted lists.
func intersectIDs(a, b []uint64) []uint64 {
	var out []uint64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}
