#ifndef IAMGRAPH_CGRAPHVIZ_SHIM_H
#define IAMGRAPH_CGRAPHVIZ_SHIM_H
// Typed, const-correct wrappers for the cgraph/gvc calls Swift cannot use directly:
// the graph descriptors are mutable C globals (refused by Swift 6 strict concurrency),
// and most entry points take `char *` for strings they only read.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline Agraph_t *iamgraph_agopen_directed(const char *name) {
    return agopen((char *)name, Agdirected, NULL);
}
/// cgraph identifies a named object by the address of its interned name, and iterates subgraphs in ID order: with
/// the default ID discipline, clusters come out (in DOT, in SVG, even in layout) in an order that depends on malloc.
/// This discipline sends the names of clusters (subgraphs named `cluster…`) to cgraph's internal name map instead,
/// so they get the sequential IDs of anonymous objects and iterate in creation order. Everything else (the root
/// graph, nodes, subgraphs made by layout engines) keeps the default discipline.
static inline long iamgraph_ordered_idmap(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    if (objtype == AGRAPH && str != NULL && strncmp(str, "cluster", 7) == 0)
        return 0; /* cgraph falls back to an anonymous ID, with the name in its internal map */
    return AgIdDisc.map(state, objtype, str, id, createflag);
}
/// A directed graph whose clusters iterate in creation order (see `iamgraph_ordered_idmap`). Not thread-safe
/// (like all of cgraph): the disciplines are process-wide statics, written before each use.
static inline Agraph_t *iamgraph_agopen_directed_ordered(const char *name) {
    static Agiddisc_t iddisc;
    static Agdisc_t disc;
    iddisc = AgIdDisc;
    iddisc.map = iamgraph_ordered_idmap;
    disc.mem = &AgMemDisc;
    disc.id = &iddisc;
    disc.io = &AgIoDisc;
    return agopen((char *)name, Agdirected, &disc);
}
static inline Agraph_t *iamgraph_agsubg(Agraph_t *g, const char *name) {
    return agsubg(g, (char *)name, 1);
}
static inline Agnode_t *iamgraph_agnode(Agraph_t *g, const char *name) {
    return agnode(g, (char *)name, 1);
}
static inline Agnode_t *iamgraph_agsubnode(Agraph_t *g, Agnode_t *n) {
    return agsubnode(g, n, 1);
}
static inline Agedge_t *iamgraph_agedge(Agraph_t *g, Agnode_t *t, Agnode_t *h, const char *name) {
    return agedge(g, t, h, (char *)name, 1);
}
static inline int iamgraph_agsafeset(void *obj, const char *name, const char *value) {
    return agsafeset(obj, (char *)name, (char *)value, (char *)"");
}
/// Sets an attribute to an HTML-like label value (`<...>` in DOT); the value is Graphviz's own HTML string.
static inline int iamgraph_agsafeset_html(Agraph_t *g, void *obj, const char *name, const char *html) {
    char *s = agstrdup_html(g, (char *)html);
    int rc = agsafeset(obj, (char *)name, s, (char *)"");
    agstrfree(g, s);
    return rc;
}
static inline int iamgraph_gvLayout(GVC_t *gvc, Agraph_t *g, const char *engine) {
    return gvLayout(gvc, g, engine);
}
/// The width and height, in points, of a laid-out graph's bounding box (label included).
static inline void iamgraph_layout_size(Agraph_t *g, double *width, double *height) {
    *width = GD_bb(g).UR.x - GD_bb(g).LL.x;
    *height = GD_bb(g).UR.y - GD_bb(g).LL.y;
}
static inline int iamgraph_gvRenderData(GVC_t *gvc, Agraph_t *g, const char *format, char **result, unsigned int *length) {
    return gvRenderData(gvc, g, format, result, length);
}
/// Reads a DOT text into a graph (used to check that exported DOT parses back).
static inline Agraph_t *iamgraph_agmemread(const char *text) {
    return agmemread(text);
}
static inline int iamgraph_agnnodes(Agraph_t *g) { return agnnodes(g); }
static inline int iamgraph_agnedges(Agraph_t *g) { return agnedges(g); }
/// Declares an attribute with a default for every graph (`AGRAPH`), node (`AGNODE`) or edge (`AGEDGE`) of `g`.
static inline Agsym_t *iamgraph_agattr(Agraph_t *g, int kind, const char *name, const char *value) {
    return agattr(g, kind, (char *)name, (char *)value);
}
/// Writes `g` as DOT with cgraph's own writer (no layout needed) into a malloc'd buffer of `*length` bytes,
/// NUL-terminated; free it with `iamgraph_free`. Returns NULL when writing fails.
static inline char *iamgraph_agwrite_to_memory(Agraph_t *g, size_t *length) {
    char *buffer = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&buffer, &size);
    if (stream == NULL) return NULL;
    int rc = agwrite(g, stream);
    if (fclose(stream) != 0 || rc != 0) {
        free(buffer);
        return NULL;
    }
    *length = size;
    return buffer;
}
static inline void iamgraph_free(void *pointer) { free(pointer); }
/// Reseeds the C library's generators that layout engines draw from. sfdp shuffles with `rand()` without seeding
/// it (its first layout in a process differs from the next ones); reseeding before every layout makes layouts
/// repeatable. Process-wide: call only where all Graphviz calls are serialised.
static inline void iamgraph_reseed_layout_randomness(void) {
    srand(1);
    srand48(1);
}
#endif
