import { articleHref, safeHttpUrl, type ArticleDetail } from '../../../../contract';
import { ArticleMeta } from '../../../components/ArticleMeta';
import { CitedByList, citingInScope } from '../../../components/CitedByList';
import { RelatedList } from '../../../components/RelatedList';
import { ShareActions } from './ShareActions';
import { TopicChips } from '../../../components/TopicChips';
import { ArticleBody } from './ArticleBody';
import { HeroImage } from './HeroImage';
import { VideoFacade } from './VideoFacade';
import { ArticleCoverage } from '../../../components/ArticleCoverage';

export function ArticleView({ article }: { article: ArticleDetail }) {
  const original = safeHttpUrl(article.url) ?? safeHttpUrl(article.originalUrl);
  const amp = safeHttpUrl(article.ampUrl) ?? safeHttpUrl(article.cdnAmpUrl);
  const providerName = article.provider?.name ?? 'the source';
  const citing = citingInScope(article);
  return (
    <article data-article={article.slug} className="mx-auto max-w-2xl">
      <header>
        <ArticleMeta item={article} />
        <h1 className="mt-2 text-3xl leading-tight font-bold tracking-tight sm:text-4xl">{article.title}</h1>
        {article.excerpt && <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{article.excerpt}</p>}
        <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600 dark:text-slate-300">
          <span>{article.heat < 0 ? 'Unranked' : `Heat ${article.heat}`}</span>
          {article.quality !== undefined && <span>{`Quality ${article.quality}`}</span>}
          <TopicChips topics={article.topics} />
        </div>
      </header>

      {article.embed ? (
        <div className="my-6">
          <VideoFacade embed={article.embed} title={article.title} />
        </div>
      ) : (
        <HeroImage image={article.image ?? article.images[0]} />
      )}

      {article.body.length > 0 && <ArticleBody blocks={article.body} />}

      <div className="my-8 space-y-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
        <div className="flex flex-wrap gap-3">
          {original && (
            <a href={original} target="_blank" rel="noopener noreferrer" className="btn">
              Read at {providerName}
              <span aria-hidden="true"> ↗</span>
            </a>
          )}
          {amp && (
            <a href={amp} target="_blank" rel="noopener noreferrer" className="btn-ghost">
              AMP version
            </a>
          )}
        </div>
        <ShareActions title={article.title} path={articleHref(article.slug)} />
      </div>

      <ArticleCoverage article={article} />

      {article.related.length > 0 && (
        <section aria-labelledby="related-coverage" className="my-8">
          <h2 id="related-coverage" className="text-xl font-bold">
            {`Related coverage (${article.related.length})`}
          </h2>
          <RelatedList items={article.related} />
        </section>
      )}
      {citing.length > 0 && (
        <section aria-labelledby="also-covered" className="my-8">
          <h2 id="also-covered" className="text-xl font-bold">
            Also covered in
          </h2>
          <CitedByList items={citing} />
        </section>
      )}
    </article>
  );
}
