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
	bucketMeta   = []byte("meta")
	bucketLog    = []byte("log")
	metaHorizon  = []byte("horizon")
	metaSize     = []byte("size")
	metaIndexes  = []byte("indexes")
	errNoIndexes = errors.New("store has no index list (written by Cayley before 0.7.6)")
)

// idCacheSize bounds the ids of values remembered between transactions;
// when full it starts again.
const idCacheSize = 1 << 18

// bulkNode is one distinct value of a transaction.
type bulkNode struct {
	hash  graph.ValueHash
	val   quad.Value
	refs  int // quad directions that use it in this transaction
	id    uint64
	isNew bool
}

// bulkWrite adds quads in one bolt transaction, as Cayley's writer does
// with IgnoreDup: a quad already stored is skipped, though (as there) its
// values' reference counts still grow. It returns the number of distinct
// quads given.
func (s *Store) bulkWrite(quads []quad.Quad) (int, error) {
	indexes, err := s.quadIndexes()
	if err != nil {
		return 0, err
	}
	// Distinct quads, in order, as a graph.Transaction keeps them.
	seen := make(map[quad.Quad]struct{}, len(quads))
	distinct := make([]quad.Quad, 0, len(quads))
	for _, q := range quads {
		if _, ok := seen[q]; !ok {
			seen[q] = struct{}{}
			distinct = append(distinct, q)
		}
	}
	seen = nil
	// Distinct values, each hashed once; values with the same hash are one node.
	byVal := make(map[quad.Value]*bulkNode, len(distinct))
	byHash := make(map[graph.ValueHash]*bulkNode, len(distinct))
	var nodes []*bulkNode
	quadNodes := make([][4]*bulkNode, len(distinct)) // by direction
	for i, q := range distinct {
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
			n.refs++
			quadNodes[i][j] = n
		}
	}
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
	var fresh []*bulkNode
	for _, n := range nodes {
		if id, ok := s.ids[n.hash]; ok {
			n.id = id
		} else if b := w.get(valueBucket('v', n.hash), n.hash[:]); len(b) > 0 {
			id, _ := binary.Uvarint(b)
			n.id = id
		}
		if n.id == 0 {
			n.isNew = true
			fresh = append(fresh, n)
		}
	}
	now := time.Now().UnixNano()
	horizon, err := w.metaInt(metaHorizon)
	if err != nil {
		return 0, err
	}
	puts := make([]bulkPut, 0, 2*len(fresh)+len(nodes)+(1+len(indexes))*len(distinct)+2)
	for i, n := range fresh {
		n.id = uint64(horizon) + 1 + uint64(i)
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
	horizon += int64(len(fresh))
	// Reference counts: new values start at their uses, known ones grow.
	for _, n := range nodes {
		refs := int64(n.refs)
		if !n.isNew {
			if b := w.get(valueBucket('n', n.hash), n.hash[:]); b != nil {
				old, _ := binary.Uvarint(b)
				refs += int64(old)
			}
		}
		if refs <= 0 {
			if err := w.del(valueBucket('n', n.hash), n.hash[:]); err != nil {
				return 0, err
			}
			continue
		}
		puts = append(puts, bulkPut{valueBucket('n', n.hash), n.hash[:], binary.AppendUvarint(nil, uint64(refs))})
	}

	// The quads: new unless all their values were known and the indexes
	// hold the same link already.
	var links []proto.Primitive
	seenLink := make(map[[4]uint64]struct{}, len(distinct))
	for qi := range distinct {
		var p proto.Primitive
		var key [4]uint64
		mustBeNew := false
		for i, d := range quad.Directions {
			n := quadNodes[qi][i]
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
			has, err := w.hasLink(indexes, &p)
			if err != nil {
				return 0, err
			}
			if has {
				continue
			}
		}
		links = append(links, p)
	}
	index := map[string]map[string][]uint64{}
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
				m = map[string][]uint64{}
				index[string(k[0])] = m
			}
			m[string(k[1])] = append(m[string(k[1])], p.ID)
		}
	}
	horizon += int64(len(links))
	for bucket, m := range index {
		for k, ids := range m {
			old := w.get([]byte(bucket), []byte(k))
			puts = append(puts, bulkPut{[]byte(bucket), []byte(k), appendIDs(old, ids)})
		}
	}
	if len(fresh)+len(links) > 0 {
		puts = append(puts, bulkPut{bucketMeta, metaHorizon, int64Bytes(horizon)})
	}
	if len(links) > 0 {
		size, err := w.metaInt(metaSize)
		if err != nil {
			return 0, err
		}
		puts = append(puts, bulkPut{bucketMeta, metaSize, int64Bytes(size + int64(len(links)))})
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
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	if s.ids == nil || len(s.ids)+len(nodes) > idCacheSize {
		s.ids = make(map[graph.ValueHash]uint64, len(nodes))
	}
	for _, n := range nodes {
		s.ids[n.hash] = n.id
	}
	return len(distinct), nil
}

// quadIndexes returns the store's quad indexes, as Cayley recorded them.
func (s *Store) quadIndexes() ([]kv.QuadIndex, error) {
	if s.indexes != nil {
		return s.indexes, nil
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

// hasLink reports whether the store holds a live quad with p's values, as
// Cayley's hasPrimitive finds it: the quads every index lists under p's
// key, newest first.
func (w *bulkTx) hasLink(indexes []kv.QuadIndex, p *proto.Primitive) (bool, error) {
	var options []uint64
	for i, ind := range indexes {
		k := ind.KeyFor(p)
		ids, err := decodeIDs(w.get(k[0], k[1]))
		if err != nil {
			return false, err
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
			return false, err
		}
		if !q.Deleted && q.IsSameLink(p) {
			return true, nil
		}
	}
	return false, nil
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
