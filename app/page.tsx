import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

// Only what osprep does today: each card opens its exercise.
const flagships = [
  {
    slug: "bankers-algorithm",
    title: "Banker's algorithm",
    body: "Grant or deny resource requests, prove a state safe with a sequence, and keep it fast at 2,000 processes.",
  },
  {
    slug: "producer-consumer",
    title: "Producer–consumer",
    body: "A bounded blocking buffer with mutexes and condition variables, stress-tested under ThreadSanitizer.",
  },
  {
    slug: "lru-pager",
    title: "LRU pager",
    body: "Demand paging over millions of accesses: hits, faults, dirty write-backs, O(1) per access.",
  },
  {
    slug: "epoll-server",
    title: "epoll server",
    body: "A single-threaded non-blocking server speaking Redis's protocol to ten thousand connections.",
  },
];

const pillars = [
  {
    title: "Write the real thing",
    body: "C, Go or Python in a full editor. You implement the API an interviewer asks for; a driver feeds it the workload.",
  },
  {
    title: "Judged like production",
    body: "Each submission runs in a hardened, network-less container. Graders check correctness and performance against a reference, measured on the same machine.",
  },
  {
    title: "Follow the roadmap",
    body: "Topics from processes and memory to concurrency and event loops, each with the exercises that practise it; the ones you solved are marked.",
  },
];

export default function LandingPage() {
  return (
    <div className="flex flex-col gap-16">
      <section className="flex flex-col items-start gap-6 pt-6">
        <p className="rounded-full border px-3 py-1 font-mono text-xs text-muted-foreground">processes · memory · concurrency · I/O</p>
        <h1 className="max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">
          Prepare for operating-systems interviews by writing the code that runs underneath.
        </h1>
        <p className="max-w-2xl text-lg text-muted-foreground">
          osprep is a self-hosted practice platform for OS and Linux systems-programming interviews. Pick an exercise from the roadmap, write it in C, Go or
          Python, and Run it against the examples in about a second; Submit it for a verdict on correctness and performance against a reference solution.
        </p>
        <div className="flex gap-3">
          <Link href="/sign-up" className={buttonVariants({ size: "lg" })}>
            Start practising
          </Link>
          <Link href="/roadmap" className={buttonVariants({ size: "lg", variant: "outline" })}>
            See the roadmap
          </Link>
        </div>
      </section>

      <section aria-labelledby="pillars" className="grid gap-4 sm:grid-cols-3">
        <h2 id="pillars" className="sr-only">
          How osprep works
        </h2>
        {pillars.map((pillar) => (
          <Card key={pillar.title} className="flex flex-col gap-2">
            <CardTitle>{pillar.title}</CardTitle>
            <CardDescription>{pillar.body}</CardDescription>
          </Card>
        ))}
      </section>

      <section aria-labelledby="flagships" className="flex flex-col gap-4">
        <h2 id="flagships" className="text-2xl font-semibold tracking-tight">
          Four classics, judged properly
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {flagships.map((exercise) => (
            <Link
              key={exercise.slug}
              href={`/exercises/${exercise.slug}`}
              className="group rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              <Card className="flex h-full flex-col gap-2 transition-colors group-hover:border-primary">
                <CardTitle className="font-mono text-base">{exercise.title}</CardTitle>
                <CardDescription>{exercise.body}</CardDescription>
              </Card>
            </Link>
          ))}
        </div>
      </section>
    </div>
  );
}
