/*
 * term/predict_int.h - what the two halves of the prediction engine
 * share: predict.c (keystrokes -> predictions) and predict_judge.c
 * (judgement against the server screen, and drawing).  Not a public API.
 */
#ifndef TERM_PREDICT_INT_H
#define TERM_PREDICT_INT_H

#include "term/predict.h"

/* The slot holding row r's predictions, or NULL. */
struct pred_row *pred_row_find(struct pred *p, int r);
const struct pred_row *pred_row_find_c(const struct pred *p, int r);

/* Drops every prediction and makes the next ones tentative (counts a
 * reset in the stats). */
void pred_reset_all(struct pred *p);

/* Starts a new epoch (not in experimental mode). */
void pred_become_tentative(struct pred *p);

/* The same after a key whose effect cannot be foreseen (a control, an
 * escape sequence) or a misprediction: keys typed before the server's
 * reaction to every key so far is known are typed blind. */
void pred_uncertain(struct pred *p);

/* Drops the predictions of epoch e and all later epochs, starts a new
 * epoch, and predicts the cursor stays where the server has it. */
void pred_kill_epoch(struct pred *p, uint64_t e, const struct fb *server);

/* Appends a cursor prediction (dropping the oldest if full). */
struct pred_cursor *pred_cursor_push(struct pred *p, int row, int col,
    uint64_t epoch);

/* The content part of a cell; content equality (blanks are equal
 * whatever their rendition). */
void pred_content_of(const struct fb_cell *c, struct pred_content *out);
int pred_content_eq(const struct fb_cell *a, const struct fb_cell *b);

/* Runs the judgement (pred_server_update's work) at p->now. */
void pred_cull(struct pred *p, const struct fb *server);

#endif
