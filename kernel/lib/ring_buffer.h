// A fixed-size single-producer / single-consumer ring of events.
//
// The producer is an interrupt handler, the consumer is the event pump. On
// our single CPU the ISR can interrupt the pump but never the other way
// round, so plain indices with compiler barriers are enough: the producer
// only writes `head_`, the consumer only writes `tail_`. A full ring never
// overwrites: the new item is dropped and counted in overflows().
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace kernel {

template <typename T, size_t Capacity> class RingBuffer {
    static_assert(
        Capacity >= 2 && (Capacity & (Capacity - 1)) == 0, "Capacity must be a power of two");

public:
    // Producer side. Returns false (and counts an overflow) when full.
    bool push(const T& item);
    // Consumer side. Returns false when empty.
    bool pop(T& out);

    size_t size() const;
    bool empty() const { return size() == 0; }
    static constexpr size_t capacity() { return Capacity; }
    uint64_t overflows() const { return overflows_; }

private:
    T items_[Capacity] {};
    volatile size_t head_ = 0;  // next slot to write; only the producer moves it
    volatile size_t tail_ = 0;  // next slot to read; only the consumer moves it
    volatile uint64_t overflows_ = 0;
};

// head_ and tail_ run freely (they are never wrapped); the slot is the low
// bits. So head_ - tail_ is the fill level even after the counters wrap past
// SIZE_MAX, and a full ring is distinguishable from an empty one.
//
// The signal fences are compiler barriers: they stop the compiler from
// moving the item copy across the index update. The CPU needs no fence, as
// producer and consumer run on the same core.

template <typename T, size_t Capacity> bool RingBuffer<T, Capacity>::push(const T& item) {
    size_t head = head_;
    if (head - tail_ == Capacity) {
        overflows_ = overflows_ + 1;
        return false;
    }
    items_[head & (Capacity - 1)] = item;
    __atomic_signal_fence(__ATOMIC_RELEASE);  // the item is in place before it is published
    head_ = head + 1;
    return true;
}

template <typename T, size_t Capacity> bool RingBuffer<T, Capacity>::pop(T& out) {
    size_t tail = tail_;
    if (head_ == tail)
        return false;
    __atomic_signal_fence(__ATOMIC_ACQUIRE);  // read the item only after seeing head_
    out = items_[tail & (Capacity - 1)];
    __atomic_signal_fence(__ATOMIC_RELEASE);  // finish reading before the slot is handed back
    tail_ = tail + 1;
    return true;
}

template <typename T, size_t Capacity> size_t RingBuffer<T, Capacity>::size() const {
    size_t tail = tail_;  // tail first: then head_ can only be further along
    return head_ - tail;
}

}  // namespace kernel
