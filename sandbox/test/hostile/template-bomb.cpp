// attack: a template instantiation bomb that makes the compiler work exponentially.
// expect: CE
// must not: take the compile container past its limits (20 s CPU, 512 MiB).
template <int N> struct Boom {
    using A = Boom<N - 1>;
    using B = Boom<N - 1>;
    static constexpr long value = A::value + B::value + Boom<N - 2>::value;
};
template <> struct Boom<0> { static constexpr long value = 1; };
template <> struct Boom<-1> { static constexpr long value = 1; };
int main() { return Boom<100000>::value > 0; }
